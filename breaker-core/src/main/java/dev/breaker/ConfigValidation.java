/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.List;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * The range checks of {@link CircuitBreakerConfig}, each failing with an
 * {@link InvalidConfigException} that names the property.
 */
final class ConfigValidation {

	static final int MAX_COUNT_WINDOW = 1_000_000;

	static final int MAX_TIME_WINDOW_SECONDS = 86_400;

	static final int MAX_TRIAL_CALLS = 1_000_000;

	static final Duration MAX_DURATION = Duration.ofDays(365);

	private ConfigValidation() {
	}

	static void validate(float failureRateThreshold, float slowCallRateThreshold, Duration slowCallDurationThreshold,
			SlidingWindowType slidingWindowType, int slidingWindowSize, int minimumNumberOfCalls,
			int consecutiveFailuresThreshold, Duration waitDurationInOpenState, double waitDurationMultiplier,
			Duration maxWaitDurationInOpenState, int permittedNumberOfCallsInHalfOpenState,
			Duration maxWaitDurationInHalfOpenState) {
		percent("failureRateThreshold", failureRateThreshold);
		percent("slowCallRateThreshold", slowCallRateThreshold);
		positive("slowCallDurationThreshold", slowCallDurationThreshold);
		if (slidingWindowType == null) {
			throw new InvalidConfigException("slidingWindowType", null, "COUNT_BASED or TIME_BASED");
		}
		boolean counted = slidingWindowType == SlidingWindowType.COUNT_BASED;
		int maxSize = counted ? MAX_COUNT_WINDOW : MAX_TIME_WINDOW_SECONDS;
		range("slidingWindowSize", slidingWindowSize, 1, maxSize, counted ? " calls" : " seconds");
		range("minimumNumberOfCalls", minimumNumberOfCalls, 1, Integer.MAX_VALUE, "");
		range("consecutiveFailuresThreshold", consecutiveFailuresThreshold, 0, Integer.MAX_VALUE, "");
		notNegative("waitDurationInOpenState", waitDurationInOpenState);
		if (!(waitDurationMultiplier >= 1.0) || Double.isInfinite(waitDurationMultiplier)) {
			throw new InvalidConfigException("waitDurationMultiplier", waitDurationMultiplier,
					"a finite number >= 1.0");
		}
		notNegative("maxWaitDurationInOpenState", maxWaitDurationInOpenState);
		if (maxWaitDurationInOpenState.compareTo(waitDurationInOpenState) < 0) {
			throw new InvalidConfigException("maxWaitDurationInOpenState", maxWaitDurationInOpenState,
					">= waitDurationInOpenState (" + waitDurationInOpenState + ")");
		}
		range("permittedNumberOfCallsInHalfOpenState", permittedNumberOfCallsInHalfOpenState, 1, MAX_TRIAL_CALLS, "");
		notNegative("maxWaitDurationInHalfOpenState", maxWaitDurationInHalfOpenState);
	}

	static List<Class<? extends Throwable>> exceptions(String property, List<Class<? extends Throwable>> classes) {
		if (classes == null) {
			return List.of();
		}
		for (Class<? extends Throwable> type : classes) {
			if (type == null || !Throwable.class.isAssignableFrom(type)) {
				throw new InvalidConfigException(property, classes, "a list of Throwable classes");
			}
		}
		return List.copyOf(classes);
	}

	private static void percent(String property, float value) {
		if (!(value >= 1 && value <= 100)) {
			throw new InvalidConfigException(property, value, "between 1 and 100 (percent)");
		}
	}

	private static void range(String property, int value, int min, int max, String unit) {
		if (value < min || value > max) {
			String allowed = (max == Integer.MAX_VALUE) ? ">= " + min + unit : "between " + min + " and " + max + unit;
			throw new InvalidConfigException(property, value, allowed);
		}
	}

	private static void positive(String property, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new InvalidConfigException(property, value, "a positive duration");
		}
		notTooLong(property, value);
	}

	private static void notNegative(String property, Duration value) {
		if (value == null || value.isNegative()) {
			throw new InvalidConfigException(property, value, "a duration >= 0");
		}
		notTooLong(property, value);
	}

	// Breakers compute in nanoseconds: past ~292 years toNanos() overflows, at the first
	// trip, on a caller's thread. No sensible setting comes anywhere near a year.
	private static void notTooLong(String property, Duration value) {
		if (value.compareTo(MAX_DURATION) > 0) {
			throw new InvalidConfigException(property, value, "a duration of at most 365 days");
		}
	}

}
