/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.time.Duration;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.Ticker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The store's outage detection and recovery, against a backend that fails on demand.
 */
class SharedStoreConcurrencyTests {

	private final FakeBackend backend = new FakeBackend();

	private final SharedStore store = new SharedStore(this.backend,
			StoreSettings.defaults().withSyncInterval(Duration.ofMillis(10)));

	@AfterEach
	void close() {
		this.store.close();
	}

	private static void within(Duration timeout, BooleanSupplier condition) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (!condition.getAsBoolean()) {
			assertThat(System.nanoTime()).as("condition within " + timeout).isLessThan(deadline);
			Thread.sleep(5);
		}
	}

	@Test
	void theFactoryMakesSharedBreakersOnlyForSharedConfigurations() {
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.ofDefaults(),
				this.store.factory(Ticker.system()));
		assertThat(registry.breaker("payments").shared()).isTrue();
		assertThat(registry.breaker("audit", CircuitBreakerConfig.builder().shared(false).build()).shared()).isFalse();
	}

	@Test
	void repeatedErrorsMarkTheStoreDownAndASuccessfulSyncBringsItBack() throws Exception {
		CircuitBreaker breaker = this.store.breaker("payments", CircuitBreakerConfig.ofDefaults(), Ticker.system());
		int[] errors = new int[1];
		this.store.onError((operation) -> errors[0]++);
		within(Duration.ofSeconds(5), () -> this.backend.syncs.get() > 0 && this.store.available());
		this.backend.failing.set(true);
		within(Duration.ofSeconds(5), () -> !this.store.available());
		assertThat(errors[0]).isGreaterThanOrEqualTo(3);
		assertThat(this.store.details()).containsEntry("available", false)
			.containsEntry("type", "fake")
			.containsKey("unavailableSince")
			.containsEntry("lastError", "sync: java.lang.IllegalStateException: connection refused");
		assertThat(breaker.transitions()).isEmpty(); // CLOSED shared -> CLOSED local
		int subscriptions = this.backend.subscriptions.get();
		this.backend.failing.set(false);
		within(Duration.ofSeconds(5), this.store::available);
		assertThat(this.backend.subscriptions.get()).isEqualTo(subscriptions + 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void whileDownTheStoreBacksOffInsteadOfSyncingEveryInterval() throws Exception {
		this.store.breaker("payments", CircuitBreakerConfig.ofDefaults(), Ticker.system());
		this.backend.failing.set(true);
		within(Duration.ofSeconds(5), () -> !this.store.available());
		int before = this.backend.syncs.get();
		Thread.sleep(300);
		// at a 10ms interval, 300ms would be about 30 syncs; backing off from 100ms
		// doubles
		assertThat(this.backend.syncs.get() - before).isLessThanOrEqualTo(3);
	}

}
