/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CircuitBreakerRegistry}.
 */
class CircuitBreakerRegistryTests {

	private final CircuitBreakerConfig defaults = CircuitBreakerConfig.builder().failureRateThreshold(30).build();

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(this.defaults, new ManualTicker());

	@Test
	void findNeverCreatesABreaker() {
		assertThat(this.registry.find("payments")).isEmpty();
		assertThat(this.registry.all()).isEmpty();
		CircuitBreaker created = this.registry.breaker("payments");
		assertThat(this.registry.find("payments")).containsSame(created);
	}

	@Test
	void createsABreakerByNameFromTheDefaults() {
		CircuitBreaker breaker = this.registry.breaker("payments");
		assertThat(breaker.name()).isEqualTo("payments");
		assertThat(breaker.config()).isSameAs(this.defaults);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.registry.breaker("payments")).isSameAs(breaker);
		assertThat(this.registry.defaults()).isSameAs(this.defaults);
	}

	@Test
	void createsABreakerWithItsOwnConfigurationAndKeepsItAfterwards() {
		CircuitBreakerConfig own = CircuitBreakerConfig.builder().failureRateThreshold(10).build();
		CircuitBreaker breaker = this.registry.breaker("payments", own);
		assertThat(breaker.config()).isSameAs(own);
		assertThat(this.registry.breaker("payments", this.defaults).config()).isSameAs(own);
		assertThat(this.registry.breaker("payments").config()).isSameAs(own);
	}

	@Test
	void listsEveryBreakerInAnUnmodifiableView() {
		this.registry.breaker("a");
		this.registry.breaker("b");
		assertThat(this.registry.all()).extracting(CircuitBreaker::name).containsExactlyInAnyOrder("a", "b");
		assertThat(this.registry.all()).isUnmodifiable();
	}

	@Test
	void breakersRunOnTheRegistrysTicker() {
		ManualTicker ticker = new ManualTicker();
		assertThat(CircuitBreakerRegistry.of(this.defaults, ticker).breaker("x").ticker()).isSameAs(ticker);
		assertThat(CircuitBreakerRegistry.ofDefaults().breaker("x").ticker()).isSameAs(Ticker.system());
		assertThat(CircuitBreakerRegistry.ofDefaults().defaults()).isEqualTo(CircuitBreakerConfig.ofDefaults());
	}

	@Test
	void usesTheFactoryToMakeBreakers() {
		List<String> made = new CopyOnWriteArrayList<>();
		CircuitBreakerRegistry custom = CircuitBreakerRegistry.of(this.defaults, (name, config) -> {
			made.add(name);
			return CircuitBreaker.of(name, config);
		});
		custom.breaker("a");
		custom.breaker("a");
		assertThat(made).containsExactly("a");
	}

	@Test
	void tellsCreationListenersOfEachNewBreakerOnce() {
		List<String> heard = new CopyOnWriteArrayList<>();
		this.registry.breaker("before");
		this.registry.addCreationListener((breaker) -> heard.add(breaker.name()));
		this.registry.breaker("a");
		this.registry.breaker("a");
		this.registry.breaker("b", this.defaults);
		this.registry.find("c");
		assertThat(heard).containsExactly("a", "b");
	}

	// Would catch a check-then-create registry (get, then put) that lets two racing
	// threads each create, and each announce, their own breaker for one name.
	@Test
	void concurrentCreationOfOneNameYieldsOneBreakerAndOneAnnouncement() throws Exception {
		int threads = 8;
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			for (int round = 0; round < 200; round++) {
				AtomicInteger made = new AtomicInteger();
				AtomicInteger announced = new AtomicInteger();
				CircuitBreakerRegistry racing = CircuitBreakerRegistry.of(this.defaults, (name, config) -> {
					made.incrementAndGet();
					return CircuitBreaker.of(name, config);
				});
				racing.addCreationListener((breaker) -> announced.incrementAndGet());
				CyclicBarrier start = new CyclicBarrier(threads);
				Set<CircuitBreaker> seen = ConcurrentHashMap.newKeySet();
				List<Future<?>> futures = new CopyOnWriteArrayList<>();
				for (int i = 0; i < threads; i++) {
					futures.add(executor.submit(() -> {
						start.await();
						return seen.add(racing.breaker("shared"));
					}));
				}
				for (Future<?> future : futures) {
					future.get(10, TimeUnit.SECONDS);
				}
				assertThat(seen).hasSize(1);
				assertThat(made).hasValue(1);
				assertThat(announced).hasValue(1);
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

}
