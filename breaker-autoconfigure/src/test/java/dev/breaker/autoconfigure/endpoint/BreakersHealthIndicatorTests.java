/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.store.SharedStateStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link BreakersHealthIndicator}.
 */
class BreakersHealthIndicatorTests {

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry
		.of(CircuitBreakerConfig.builder().slidingWindowSize(2).minimumNumberOfCalls(2).build());

	@Test
	void isUpWithTheDetailsOfEveryBreaker() {
		this.breakers.breaker("payments");
		this.breakers.breaker("inventory").transitionTo(State.DISABLED);
		Health health = new BreakersHealthIndicator(this.breakers, Status.DOWN, null).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("inventory", "payments");
		assertThat(breakerDetails(health, "payments")).containsEntry("state", "CLOSED")
			.containsEntry("failureRate", -1f)
			.containsEntry("bufferedCalls", 0L)
			.containsEntry("shared", false)
			.containsKeys("slowCallRate", "failedCalls", "slowCalls", "notPermittedCalls");
		assertThat(breakerDetails(health, "inventory")).containsEntry("state", "DISABLED");
	}

	@Test
	void staysUpWhileABreakerIsOpenByDefault() {
		trip("payments");
		Health health = new BreakersHealthIndicator(this.breakers, Status.UP, null).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(breakerDetails(health, "payments")).containsEntry("state", "OPEN")
			.containsEntry("failureRate", 100f)
			.containsEntry("failedCalls", 2L);
	}

	@Test
	void reportsTheConfiguredStatusWhileABreakerRejectsCalls() {
		this.breakers.breaker("payments");
		BreakersHealthIndicator indicator = new BreakersHealthIndicator(this.breakers, new Status("CIRCUIT_OPEN"),
				null);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		trip("payments");
		assertThat(indicator.health().getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
		this.breakers.find("payments").orElseThrow().transitionTo(State.FORCED_OPEN);
		assertThat(indicator.health().getStatus().getCode()).isEqualTo("CIRCUIT_OPEN");
		this.breakers.find("payments").orElseThrow().transitionTo(State.DISABLED);
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void showsTheSharedStoreInTheDetailsWithoutGoingDown() {
		this.breakers.breaker("payments");
		Health health = new BreakersHealthIndicator(this.breakers, Status.UP, new UnreachableStore()).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		@SuppressWarnings("unchecked")
		Map<String, Object> store = (Map<String, Object>) health.getDetails().get("store");
		assertThat(store).containsExactly(entry("available", false), entry("type", "redis"),
				entry("unavailableSince", "2026-12-03T10:15:30Z"));
	}

	@Test
	void showsAStoreThatFailsToDescribeItselfAsUnavailable() {
		SharedStateStore broken = new UnreachableStore() {
			@Override
			public Map<String, Object> details() {
				throw new IllegalStateException("no connection");
			}
		};
		Health health = new BreakersHealthIndicator(this.breakers, Status.UP, broken).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails().get("store").toString()).contains("available=false", "no connection");
	}

	private void trip(String name) {
		CircuitBreaker breaker = this.breakers.breaker(name);
		for (int i = 0; i < 2; i++) {
			assertThatIOException().isThrownBy(() -> breaker.call(() -> {
				throw new IOException("down");
			}));
		}
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> breakerDetails(Health health, String name) {
		return (Map<String, Object>) health.getDetails().get(name);
	}

	static class UnreachableStore implements SharedStateStore {

		@Override
		public boolean available() {
			return false;
		}

		@Override
		public Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("type", "redis");
			details.put("unavailableSince", "2026-12-03T10:15:30Z");
			return details;
		}

		@Override
		public void close() {
		}

	}

}
