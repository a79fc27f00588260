/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.breaker.CallNotPermittedException;
import dev.breaker.State;
import dev.failsafe.CircuitBreakerOpenException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the core benchmarks measure what they claim: every contender runs the same
 * work to the same outcome, in the state the benchmark names, and stays in it however
 * often it is called.
 */
class CoreBenchmarksTests {

	/** More than a window of 100 calls, so that a breaker that would trip does. */
	private static final int CALLS = 1_000;

	@Test
	void closedSuccessBenchmarksAllReturnTheResultAndStayClosed() {
		ClosedSuccessBenchmarks benchmarks = new ClosedSuccessBenchmarks();
		benchmarks.setUp();
		Map<String, Object> results = BenchmarkMethods.invokeAll(benchmarks, CALLS);
		assertThat(results).hasSize(14).allSatisfy((name, result) -> assertThat(result).isSameAs(Downstream.RESULT));
		for (Contenders contenders : new Contenders[] { benchmarks.count, benchmarks.time, benchmarks.frozen,
				benchmarks.everyCallCounted }) {
			assertThat(contenders.breaker.state()).isEqualTo(State.CLOSED);
			assertThat(contenders.breaker.metrics().successfulCalls()).isEqualTo(CALLS);
		}
		assertThat(benchmarks.count.resilience4j.getMetrics().getNumberOfSuccessfulCalls()).isEqualTo(100);
		assertThat(benchmarks.count.failsafe.isClosed()).isTrue();
	}

	@Test
	void closedFailureBenchmarksAllThrowTheFailureAndNeverTrip() {
		ClosedFailureBenchmarks benchmarks = new ClosedFailureBenchmarks();
		benchmarks.setUp();
		Map<String, Object> results = BenchmarkMethods.invokeAll(benchmarks, CALLS);
		assertThat(results).hasSize(5).allSatisfy((name, result) -> assertThat(result).isSameAs(Downstream.FAILURE));
		Contenders contenders = benchmarks.contenders;
		assertThat(contenders.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(contenders.breaker.metrics().failedCalls()).isEqualTo(CALLS);
		assertThat(contenders.resilience4j.getState())
			.isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.CLOSED);
		assertThat(contenders.resilience4j.getMetrics().getNumberOfFailedCalls()).isEqualTo(CALLS);
		assertThat(contenders.failsafe.isClosed()).isTrue();
		assertThat(contenders.failsafe.getFailureCount()).isEqualTo(2 * CALLS);
	}

	@Test
	void openRejectionBenchmarksAreAllRejected() {
		OpenRejectionBenchmarks benchmarks = new OpenRejectionBenchmarks();
		benchmarks.setUp();
		Map<String, Object> results = BenchmarkMethods.invokeAll(benchmarks, CALLS);
		assertThat(results).hasSize(5);
		assertThat(results.get("breaker")).isInstanceOf(CallNotPermittedException.class);
		assertThat(((CallNotPermittedException) results.get("breaker")).state()).isEqualTo(State.OPEN);
		assertThat(results.get("resilience4j"))
			.isInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
		assertThat(((Throwable) results.get("resilience4j")).getStackTrace()).isNotEmpty();
		assertThat(((Throwable) results.get("resilience4jStackless")).getStackTrace()).isEmpty();
		assertThat(results.get("failsafe")).isInstanceOf(CircuitBreakerOpenException.class);
		assertThat(results.get("failsafeStandalone")).isSameAs(Contenders.REJECTED);
		assertThat(benchmarks.contenders.breaker.metrics().notPermittedCalls()).isEqualTo(CALLS);
	}

	@Test
	void halfOpenBenchmarksAdmitOrRejectAndStayHalfOpen() {
		HalfOpenBenchmarks benchmarks = new HalfOpenBenchmarks();
		benchmarks.setUp();
		Map<String, Object> results = BenchmarkMethods.invokeAll(benchmarks, CALLS);
		assertThat(results).hasSize(6);
		assertThat(results.get("breakerAdmit")).isInstanceOf(Long.class);
		assertThat(((CallNotPermittedException) results.get("breakerReject")).state()).isEqualTo(State.HALF_OPEN);
		assertThat(results.get("resilience4jReject"))
			.isInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
		assertThat(results.get("resilience4jStacklessReject"))
			.isInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
		assertThat(results.get("failsafeStandaloneReject")).isEqualTo(false);
		for (Contenders contenders : new Contenders[] { benchmarks.admitting, benchmarks.full }) {
			assertThat(contenders.breaker.state()).isEqualTo(State.HALF_OPEN);
			assertThat(contenders.resilience4j.getState())
				.isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.HALF_OPEN);
			assertThat(contenders.failsafe.isHalfOpen()).isTrue();
		}
		assertThat(benchmarks.admitting.breaker.metrics().ignoredCalls()).isEqualTo(CALLS + 1);
	}

	@Test
	void fastTimeWindowCountsMoreCallsThanOneBucketHolds() throws Exception {
		// 1.5 million calls exceed what one second's bucket holds; with the 16x clock
		// they
		// spread over several buckets, so every one of them is counted.
		Contenders contenders = new Contenders(Scenario.TIME_WINDOW_EVERY_CALL_COUNTED, Downstream.SUCCEEDING);
		int calls = 1_500_000;
		for (int i = 0; i < calls; i++) {
			contenders.breaker.call(Downstream.SUCCEEDING);
		}
		assertThat(contenders.breaker.metrics().bufferedCalls()).isEqualTo(calls);
	}

}
