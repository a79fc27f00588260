/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;
import dev.breaker.store.StoreSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Several instances in one JVM (separate stores and connections) behaving as one breaker.
 */
class SharedBreakerClusterTests {

	private static RedisProcess redis;

	private final List<Instance> instances = new ArrayList<>();

	private final String prefix = "t" + UUID.randomUUID().toString().substring(0, 6);

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
		Instance.warmUp(redis);
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void closeInstances() {
		this.instances.forEach(Instance::close);
	}

	private List<CircuitBreaker> breakers(int count, StoreSettings settings, CircuitBreakerConfig config) {
		List<CircuitBreaker> breakers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Instance instance = new Instance(redis, settings, this.prefix);
			this.instances.add(instance);
			breakers.add(instance.breaker("payments", config));
		}
		return breakers;
	}

	private static CircuitBreakerConfig.Builder config() {
		return CircuitBreakerConfig.builder()
			.slidingWindowSize(20)
			.minimumNumberOfCalls(20)
			.failureRateThreshold(50)
			.waitDurationInOpenState(Duration.ofSeconds(30));
	}

	static void fail(CircuitBreaker breaker) {
		breaker.onError(breaker.acquirePermission(), 0, new IllegalStateException("boom"));
	}

	static void succeed(CircuitBreaker breaker) {
		breaker.onSuccess(breaker.acquirePermission(), 0);
	}

	@Test
	void opensEverywhereWhenTheClusterWindowTripsThoughNoInstanceReachesTheMinimum() {
		List<CircuitBreaker> breakers = breakers(4, Instance.settings(), config().build());
		for (CircuitBreaker breaker : breakers) {
			for (int i = 0; i < 5; i++) {
				fail(breaker);
			}
			assertThat(breaker.state()).isEqualTo(State.CLOSED);
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.OPEN)));
		assertThat(breakers.get(3).transitions().get(0).reason())
			.isEqualTo("failure rate 100% >= 50% over 20 calls from 4 instances");
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> succeed(breakers.get(0)))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isGreaterThan(Duration.ofSeconds(20)));
	}

	@Test
	void aTripReachesTheOtherInstancesWithinOnePubSubHop() throws Exception {
		StoreSettings slowSync = Instance.settings().withSyncInterval(Duration.ofSeconds(2));
		List<CircuitBreaker> breakers = breakers(2, slowSync,
				config().minimumNumberOfCalls(10).slidingWindowSize(10).build());
		CircuitBreaker tripper = breakers.get(0);
		CircuitBreaker watcher = breakers.get(1);
		AtomicLong tripped = new AtomicLong();
		AtomicLong seen = new AtomicLong();
		tripper.addTransitionListener((t) -> tripped.set((t.to() == State.OPEN) ? System.nanoTime() : 0));
		watcher.addTransitionListener((t) -> seen.set((t.to() == State.OPEN) ? System.nanoTime() : 0));
		Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
		watcher.addTransitionListener((t) -> listenerThreads.add(Thread.currentThread().getName()));
		List<Long> endToEnd = new ArrayList<>();
		List<Long> hop = new ArrayList<>();
		for (int round = 0; round < 16; round++) {
			for (int i = 0; i < 9; i++) {
				fail(tripper);
			}
			// the tenth failure is a burst: the tripper syncs early, not after 2s
			long start = System.nanoTime();
			fail(tripper);
			await().atMost(Duration.ofSeconds(5)).until(() -> tripped.get() != 0 && seen.get() != 0);
			if (round > 0) { // the first round also pays for connecting
				endToEnd.add(seen.get() - start);
				hop.add(seen.get() - tripped.get());
			}
			tripper.reset();
			await().atMost(Duration.ofSeconds(5)).until(() -> watcher.state() == State.CLOSED);
			tripped.set(0);
			seen.set(0);
		}
		System.out
			.println("trip propagation: from the tripping failure to OPEN on the other instance " + summary(endToEnd)
					+ "; the other instance minus the tripping one (its own sync reply) " + summary(hop));
		// one pub/sub hop, not the 2s sync interval: the message carried the trip (it may
		// even beat the tripping instance's own reply, hence a negative difference)
		// listeners (application events, user code) never run on the Redis client's
		// threads
		assertThat(listenerThreads).isNotEmpty().noneMatch((name) -> name.contains("lettuce"));
		// Loose bounds (the machine is shared and noisy): the median hop is far below the
		// 2s sync interval, and so is the worst one.
		assertThat(Duration.ofNanos(hop.get(hop.size() / 2))).isLessThan(Duration.ofMillis(100));
		assertThat(Duration.ofNanos(hop.get(hop.size() - 1))).isLessThan(Duration.ofMillis(1000));
		assertThat(Duration.ofNanos(endToEnd.get(endToEnd.size() / 2))).isLessThan(Duration.ofSeconds(1));
	}

	private static String summary(List<Long> nanos) {
		nanos.sort(null);
		return String.format("p50 %.2f ms, max %.2f ms (%d trips)", nanos.get(nanos.size() / 2) / 1e6,
				nanos.get(nanos.size() - 1) / 1e6, nanos.size());
	}

	@Test
	void halfOpenAdmitsAtMostThePermittedTrialCallsAcrossTheCluster() throws Exception {
		CircuitBreakerConfig config = config().minimumNumberOfCalls(4)
			.slidingWindowSize(4)
			.permittedNumberOfCallsInHalfOpenState(5)
			.waitDurationInOpenState(Duration.ofMillis(300))
			.build();
		List<CircuitBreaker> breakers = breakers(4, Instance.settings(), config);
		breakers.forEach(SharedBreakerClusterTests::fail);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.OPEN)));
		// two threads per instance keep asking and hold every permit they get: a lease
		// handed out twice, or a local count that ignores the other instances, would
		// admit more than five
		AtomicInteger admitted = new AtomicInteger();
		List<long[]> held = new ArrayList<>();
		CountDownLatch stop = new CountDownLatch(1);
		List<Thread> threads = new ArrayList<>();
		for (CircuitBreaker breaker : breakers) {
			for (int t = 0; t < 2; t++) {
				long[] permits = new long[100];
				held.add(permits);
				Thread thread = new Thread(() -> {
					int mine = 0;
					while (stop.getCount() > 0 && mine < permits.length) {
						try {
							permits[mine] = breaker.acquirePermission();
							mine++;
							admitted.incrementAndGet();
						}
						catch (CallNotPermittedException ex) {
							// not a busy spin: on two shared cores, eight spinning
							// threads
							// would starve the store threads into a (correctly handled)
							// outage
							pause();
						}
					}
				});
				threads.add(thread);
				thread.start();
			}
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> admitted.get() >= 5);
		Thread.sleep(500); // give a leaky limit the chance to admit more
		stop.countDown();
		for (Thread thread : threads) {
			thread.join();
		}
		assertThat(admitted.get()).isEqualTo(5);
		assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.HALF_OPEN));
		for (int i = 0; i < threads.size(); i++) {
			CircuitBreaker breaker = breakers.get(i / 2);
			for (long permit : held.get(i)) {
				if (permit != 0) {
					breaker.onSuccess(permit, 0);
				}
			}
		}
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.CLOSED)));
	}

	@Test
	void theLeasesOfAnInstanceThatDisappearsExpire() {
		CircuitBreakerConfig config = config().minimumNumberOfCalls(1)
			.slidingWindowSize(1)
			.permittedNumberOfCallsInHalfOpenState(2)
			.waitDurationInOpenState(Duration.ofMillis(200))
			.build();
		List<CircuitBreaker> breakers = breakers(2, Instance.settings(), config);
		CircuitBreaker crasher = breakers.get(0);
		CircuitBreaker survivor = breakers.get(1);
		fail(crasher);
		await().atMost(Duration.ofSeconds(5)).until(() -> crasher.state() == State.HALF_OPEN);
		AtomicInteger held = new AtomicInteger();
		await().atMost(Duration.ofSeconds(5)).until(() -> held.addAndGet(tryAcquire(crasher) ? 1 : 0) == 2);
		this.instances.get(0).close(); // crashes holding both leases: no release, no
										// renewal
		this.instances.remove(0);
		long start = System.nanoTime();
		List<Long> permits = new ArrayList<>();
		await().atMost(Duration.ofSeconds(10)).until(() -> {
			try {
				permits.add(survivor.acquirePermission());
			}
			catch (CallNotPermittedException ex) {
				// not yet
			}
			return permits.size() == 2;
		});
		// the leases lived their time to live, and not much longer
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
		permits.forEach((permit) -> survivor.onSuccess(permit, 0));
		await().atMost(Duration.ofSeconds(5)).until(() -> survivor.state() == State.CLOSED);
	}

	private static void pause() {
		try {
			Thread.sleep(1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private static boolean tryAcquire(CircuitBreaker breaker) {
		try {
			breaker.acquirePermission();
			return true;
		}
		catch (CallNotPermittedException ex) {
			return false;
		}
	}

	@Test
	void aManualTransitionOnOneInstanceAppliesToAll() {
		List<CircuitBreaker> breakers = breakers(3, Instance.settings(), config().build());
		breakers.get(0).transitionTo(State.FORCED_OPEN);
		assertThat(breakers.get(0).state()).isEqualTo(State.FORCED_OPEN);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(
					() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.FORCED_OPEN)));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> succeed(breakers.get(2)));
		assertThat(breakers.get(2).transitions().get(0)).satisfies((t) -> assertThat(t.from()).isEqualTo(State.CLOSED))
			.satisfies((t) -> assertThat(t.reason()).isEqualTo("manual transition"));
		breakers.get(1).transitionTo(State.CLOSED);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.CLOSED)));
		succeed(breakers.get(2));
	}

	@Test
	void minFailingInstancesKeepsOneSickInstanceFromOpeningTheBreakerForAll() {
		StoreSettings settings = Instance.settings().withMinFailingInstances(2);
		List<CircuitBreaker> breakers = breakers(2, settings, config().minimumNumberOfCalls(10).build());
		CircuitBreaker sick = breakers.get(0);
		for (int i = 0; i < 20; i++) {
			fail(sick);
		}
		await().atMost(Duration.ofSeconds(5)).until(() -> sick.metrics().bufferedCalls() == 20);
		assertThat(sick.metrics().failureRate()).isEqualTo(100f);
		assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.CLOSED));
		fail(breakers.get(1));
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.OPEN)));
		assertThat(sick.transitions().get(0).reason()).endsWith("over 20 calls from 2 instances");
	}

}
