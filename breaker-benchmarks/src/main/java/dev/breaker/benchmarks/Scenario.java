/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerConfig.SlidingWindowType;
import dev.breaker.Ticker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;

/**
 * One breaker configuration, written for each library as closely as its options allow.
 * Every scenario starts from the defaults that breaker and Resilience4j share: 50%
 * failure rate, 100 calls, 60 s open, 10 trial calls.
 */
enum Scenario {

	/** The last 100 calls. */
	COUNT_WINDOW,

	/**
	 * The last 100 calls, with a clock that always reads zero: what a breaker costs
	 * besides reading the time.
	 */
	FROZEN_CLOCK,

	/** The calls of the last 100 seconds. */
	TIME_WINDOW,

	/**
	 * The calls of the last 100 seconds, with breaker's clock running 16 times faster so
	 * that no one-second bucket fills up (a bucket holds about a million calls; beyond
	 * that, breaker stops counting for the rest of the second, which is cheaper).
	 */
	TIME_WINDOW_EVERY_CALL_COUNTED,

	/**
	 * A time window whose minimum number of calls is never reached: failures never trip.
	 */
	NEVER_TRIPS,

	/** Stays open for an hour once tripped. */
	LONG_OPEN,

	/** Stays open for a millisecond once tripped, then admits trial calls. */
	SHORT_OPEN;

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	private static final int WINDOW = 100;

	Duration waitInOpenState() {
		switch (this) {
			case LONG_OPEN:
				return Duration.ofHours(1);
			case SHORT_OPEN:
				return Duration.ofMillis(1);
			default:
				return DEFAULT_WAIT;
		}
	}

	Ticker ticker() {
		switch (this) {
			case FROZEN_CLOCK:
				return () -> 0L;
			case TIME_WINDOW_EVERY_CALL_COUNTED:
				return () -> System.nanoTime() << 4;
			default:
				return Ticker.system();
		}
	}

	private boolean timeBased() {
		return this == TIME_WINDOW || this == TIME_WINDOW_EVERY_CALL_COUNTED;
	}

	CircuitBreakerConfig breaker() {
		CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder()
			.waitDurationInOpenState(waitInOpenState())
			.maxWaitDurationInOpenState(
					waitInOpenState().compareTo(DEFAULT_WAIT) > 0 ? waitInOpenState() : DEFAULT_WAIT);
		if (timeBased()) {
			builder.slidingWindowType(SlidingWindowType.TIME_BASED).slidingWindowSize(WINDOW);
		}
		if (this == NEVER_TRIPS) {
			builder.slidingWindowType(SlidingWindowType.TIME_BASED).minimumNumberOfCalls(Integer.MAX_VALUE);
		}
		return builder.build();
	}

	io.github.resilience4j.circuitbreaker.CircuitBreakerConfig resilience4j(boolean stackTraces,
			SlidingWindowSynchronizationStrategy synchronization) {
		io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.Builder builder = io.github.resilience4j.circuitbreaker.CircuitBreakerConfig
			.custom()
			.waitDurationInOpenState(waitInOpenState())
			.writableStackTraceEnabled(stackTraces)
			.slidingWindowSynchronizationStrategy(synchronization);
		if (this == FROZEN_CLOCK) {
			builder.currentTimestampFunction((clock) -> 0L, TimeUnit.NANOSECONDS);
		}
		if (timeBased()) {
			builder
				.slidingWindowType(
						io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
				.slidingWindowSize(WINDOW);
		}
		if (this == NEVER_TRIPS) {
			builder
				.slidingWindowType(
						io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
				.minimumNumberOfCalls(Integer.MAX_VALUE);
		}
		return builder.build();
	}

	dev.failsafe.CircuitBreaker<Integer> failsafe() {
		dev.failsafe.CircuitBreakerBuilder<Integer> builder = dev.failsafe.CircuitBreaker.<Integer>builder()
			.withDelay(waitInOpenState())
			.withSuccessThreshold(10);
		if (timeBased()) {
			builder.withFailureRateThreshold(50, WINDOW, Duration.ofSeconds(WINDOW));
		}
		else if (this == NEVER_TRIPS) {
			builder.withFailureRateThreshold(50, Integer.MAX_VALUE, Duration.ofSeconds(WINDOW));
		}
		else {
			builder.withFailureThreshold(WINDOW / 2, WINDOW);
		}
		return builder.build();
	}

}
