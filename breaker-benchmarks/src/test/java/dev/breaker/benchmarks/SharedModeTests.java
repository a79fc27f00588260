/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the shared-mode benchmark and simulation against a Redis server of their own:
 * what they count is what happened.
 */
class SharedModeTests {

	private static final CircuitBreakerConfig CONFIG = Scenario.COUNT_WINDOW.breaker();

	private static RedisServer redis;

	@BeforeAll
	static void startRedis() {
		redis = RedisServer.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@Test
	void localOnlyInstancesEachLetHalfAWindowOfFailuresThrough() {
		// A window of 100 successes trips at 50% after exactly 50 failures per instance.
		DeadDownstreamRound.Result result = DeadDownstreamRound.run(null, 2, 1000, CONFIG);
		assertThat(result.allOpened()).isTrue();
		assertThat(result.reachedAfterDeath()).isEqualTo(100);
		assertThat(result.openedAfterNanos()).hasSize(2).doesNotContain(-1L);
	}

	@Test
	void sharedInstancesAllOpenAndOneTripReachesTheOthers() {
		DeadDownstreamRound.Result result = DeadDownstreamRound.run(redis, 3, 1000, CONFIG);
		assertThat(result.allOpened()).isTrue();
		assertThat(result.reachedAfterDeath()).isPositive();
		assertThat(result.propagationNanos()).hasSize(2).allSatisfy((nanos) -> assertThat(nanos).isNotNegative());
	}

	@Test
	void commandStatsCountTheSyncScriptsOfAnInstance() {
		redis.resetStats();
		try (SharedInstance instance = new SharedInstance(redis.port(), "stats")) {
			CircuitBreaker breaker = instance.breaker("stats", CONFIG);
			breaker.run(() -> {
			});
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (!redis.commandStats().containsKey("evalsha") && System.nanoTime() < deadline) {
				LockSupport.parkNanos(10_000_000L);
			}
			Map<String, Long> stats = redis.commandStats();
			assertThat(stats.get("evalsha")).isPositive();
			assertThat(stats).doesNotContainKeys("info", "config");
		}
	}

	@Test
	void sharedClosedBenchmarksCallThroughASharedAndALocalBreaker() {
		SharedClosedBenchmarks benchmarks = new SharedClosedBenchmarks();
		benchmarks.setUp();
		try {
			Map<String, Object> results = BenchmarkMethods.invokeAll(benchmarks, 1_000);
			assertThat(results).hasSize(2).allSatisfy((name, result) -> assertThat(result).isSameAs(Downstream.RESULT));
			assertThat(benchmarks.shared.shared()).isTrue();
			assertThat(benchmarks.local.shared()).isFalse();
			assertThat(benchmarks.shared.state()).isEqualTo(State.CLOSED);
			assertThat(benchmarks.shared.metrics().successfulCalls()).isEqualTo(1_000);
		}
		finally {
			benchmarks.tearDown();
		}
	}

}
