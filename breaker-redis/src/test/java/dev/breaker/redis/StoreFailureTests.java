/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;
import dev.breaker.store.OnStoreFailure;
import dev.breaker.store.StoreSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * What shared breakers do when Redis dies, comes back empty, or freezes.
 */
class StoreFailureTests {

	private static final CircuitBreakerConfig CONFIG = CircuitBreakerConfig.builder()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(10)
		.waitDurationInOpenState(Duration.ofSeconds(60))
		.build();

	private RedisProcess redis;

	private final List<Instance> instances = new ArrayList<>();

	@BeforeEach
	void startRedis() {
		this.redis = RedisProcess.start();
		Instance.warmUp(this.redis);
	}

	@AfterEach
	void stop() {
		this.instances.forEach(Instance::close);
		this.redis.close();
	}

	private Instance instance(StoreSettings settings) {
		Instance instance = new Instance(this.redis, settings, "breaker");
		this.instances.add(instance);
		return instance;
	}

	@Test
	void whenRedisIsKilledUnderLoadNoStoreErrorReachesACallerAndBreakersBreakLocally() throws Exception {
		List<CircuitBreaker> breakers = List.of(instance(Instance.settings()).breaker("payments", CONFIG),
				instance(Instance.settings()).breaker("payments", CONFIG));
		AtomicBoolean failing = new AtomicBoolean();
		AtomicBoolean running = new AtomicBoolean(true);
		ConcurrentLinkedQueue<Throwable> unexpected = new ConcurrentLinkedQueue<>();
		List<Thread> callers = new ArrayList<>();
		for (CircuitBreaker breaker : breakers) {
			for (int t = 0; t < 2; t++) {
				Thread caller = new Thread(() -> {
					while (running.get()) {
						try {
							breaker.call(() -> {
								if (failing.get()) {
									throw new IOException("dependency down");
								}
								return 1;
							});
						}
						catch (CallNotPermittedException | IOException expected) {
							// the breaker's and the dependency's own answers
						}
						catch (Throwable ex) {
							unexpected.add(ex);
						}
						Thread.yield();
					}
				});
				callers.add(caller);
				caller.start();
			}
		}
		await().atMost(Duration.ofSeconds(2)).until(() -> breakers.get(0).metrics().bufferedCalls() >= 10);
		this.redis.kill();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.instances.stream().noneMatch((i) -> i.store.available()));
		failing.set(true);
		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(breakers).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.OPEN)));
		running.set(false);
		for (Thread caller : callers) {
			caller.join();
		}
		assertThat(unexpected).isEmpty();
		assertThat(breakers.get(0).transitions().get(0).reason()).endsWith("(local, store unavailable)");
		assertThat(this.instances.get(0).storeErrors).hasPositiveValue();
		assertThat(this.instances.get(0).store.details()).containsEntry("available", false)
			.containsKey("unavailableSince");
	}

	@Test
	void aRestartedEmptyRedisIsReseededWithTheSharedState() {
		Instance first = instance(Instance.settings());
		CircuitBreaker breaker = first.breaker("payments", CONFIG);
		CircuitBreaker other = instance(Instance.settings()).breaker("payments", CONFIG);
		for (int i = 0; i < 10; i++) {
			SharedBreakerClusterTests.fail(breaker);
		}
		await().atMost(Duration.ofSeconds(3)).until(() -> other.state() == State.OPEN);
		this.redis.kill();
		await().atMost(Duration.ofSeconds(5)).until(() -> !first.store.available());
		this.redis.restart();
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.instances.stream().allMatch((i) -> i.store.available()));
		assertThat(List.of(breaker, other)).allSatisfy((b) -> assertThat(b.state()).isEqualTo(State.OPEN));
		assertThat(storedState("payments")).isEqualTo("OPEN");
		CircuitBreaker newcomer = instance(Instance.settings()).breaker("payments", CONFIG);
		await().atMost(Duration.ofSeconds(3)).until(() -> newcomer.state() == State.OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(newcomer::acquirePermission)
			.satisfies((ex) -> assertThat(ex.retryAfter()).isGreaterThan(Duration.ofSeconds(30)));
	}

	private String storedState(String name) {
		RedisClient client = RedisClient.create("redis://127.0.0.1:" + this.redis.port());
		try (StatefulRedisConnection<String, String> connection = client.connect()) {
			return connection.sync().hget("breaker:{" + name + "}:state", "state");
		}
		finally {
			client.shutdown();
		}
	}

	@Test
	void callersAreNotDelayedWhileRedisIsFrozen() throws Exception {
		Instance instance = instance(Instance.settings());
		CircuitBreaker breaker = instance.breaker("payments", CONFIG);
		await().atMost(Duration.ofSeconds(3)).until(() -> instance.store.details().containsKey("errors"));
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		this.redis.pause();
		try {
			long end = System.nanoTime() + Duration.ofMillis(1500).toNanos();
			while (System.nanoTime() < end) {
				long start = System.nanoTime();
				breaker.call(() -> 1);
				latencies.add(System.nanoTime() - start);
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> !instance.store.available());
		}
		finally {
			this.redis.resume();
		}
		await().atMost(Duration.ofSeconds(10)).until(instance.store::available);
		latencies.sort(null);
		long p99 = latencies.get((int) (latencies.size() * 0.99));
		long max = latencies.get(latencies.size() - 1);
		System.out.printf("calls while Redis was frozen: %d calls, p99 %.1f us, max %.2f ms%n", latencies.size(),
				p99 / 1e3, max / 1e6);
		// a call that waited for Redis would take the 2s command timeout of the
		// connection
		assertThat(Duration.ofNanos(max)).isLessThan(Duration.ofMillis(500));
	}

	@Test
	void failClosedRejectsEveryCallWhileTheStoreIsDown() {
		Instance instance = instance(Instance.settings().withOnStoreFailure(OnStoreFailure.FAIL_CLOSED));
		CircuitBreaker breaker = instance.breaker("payments", CONFIG);
		SharedBreakerClusterTests.succeed(breaker);
		this.redis.kill();
		await().atMost(Duration.ofSeconds(5)).until(() -> breaker.state() == State.FORCED_OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(breaker::acquirePermission);
	}

	@Test
	void failOpenAdmitsEveryCallWhileTheStoreIsDown() {
		Instance instance = instance(Instance.settings().withOnStoreFailure(OnStoreFailure.FAIL_OPEN));
		CircuitBreaker breaker = instance.breaker("payments", CONFIG);
		this.redis.kill();
		await().atMost(Duration.ofSeconds(5)).until(() -> breaker.state() == State.DISABLED);
		for (int i = 0; i < 50; i++) {
			SharedBreakerClusterTests.fail(breaker);
		}
		assertThat(breaker.state()).isEqualTo(State.DISABLED);
		SharedBreakerClusterTests.succeed(breaker);
	}

}
