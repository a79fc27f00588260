/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.List;

/**
 * The immutable, validated settings of one circuit breaker. Build one with
 * {@link #builder()}; every invalid value fails {@link Builder#build()} with an
 * {@link InvalidConfigException} that names it.
 *
 * @param failureRateThreshold the failure rate in percent (1..100) at which the breaker
 * trips
 * @param slowCallRateThreshold the slow-call rate in percent (1..100) at which the
 * breaker trips
 * @param slowCallDurationThreshold calls that take at least this long are slow
 * @param slidingWindowType whether the window counts calls or seconds
 * @param slidingWindowSize the window size, in calls or seconds
 * @param minimumNumberOfCalls how many calls the window needs before rates are evaluated
 * (capped at the window size of a count-based window)
 * @param consecutiveFailuresThreshold trip after this many failures in a row; 0 = off
 * @param waitDurationInOpenState how long the breaker stays open before a trial
 * @param waitDurationMultiplier each consecutive re-open waits this much longer
 * @param maxWaitDurationInOpenState the cap for a growing wait duration
 * @param permittedNumberOfCallsInHalfOpenState how many trial calls half-open admits
 * @param maxWaitDurationInHalfOpenState re-open if the trials are not done in this time;
 * zero = wait for all trial calls
 * @param recordExceptions exceptions that count as failures; empty = every exception
 * @param ignoreExceptions exceptions that count neither as success nor failure
 * @param shared whether the breaker's state is kept in a shared store when one is
 * configured
 */
public record CircuitBreakerConfig(float failureRateThreshold, float slowCallRateThreshold,
		Duration slowCallDurationThreshold, SlidingWindowType slidingWindowType, int slidingWindowSize,
		int minimumNumberOfCalls, int consecutiveFailuresThreshold, Duration waitDurationInOpenState,
		double waitDurationMultiplier, Duration maxWaitDurationInOpenState, int permittedNumberOfCallsInHalfOpenState,
		Duration maxWaitDurationInHalfOpenState, List<Class<? extends Throwable>> recordExceptions,
		List<Class<? extends Throwable>> ignoreExceptions, boolean shared) {

	private static final CircuitBreakerConfig DEFAULTS = builder().build();

	/**
	 * Validate and copy the lists; use {@link #builder()} rather than this constructor.
	 */
	public CircuitBreakerConfig {
		ConfigValidation.validate(failureRateThreshold, slowCallRateThreshold, slowCallDurationThreshold,
				slidingWindowType, slidingWindowSize, minimumNumberOfCalls, consecutiveFailuresThreshold,
				waitDurationInOpenState, waitDurationMultiplier, maxWaitDurationInOpenState,
				permittedNumberOfCallsInHalfOpenState, maxWaitDurationInHalfOpenState);
		recordExceptions = ConfigValidation.exceptions("recordExceptions", recordExceptions);
		ignoreExceptions = ConfigValidation.exceptions("ignoreExceptions", ignoreExceptions);
	}

	/**
	 * The default configuration, as documented for the {@code breaker.defaults} block.
	 * @return the defaults
	 */
	public static CircuitBreakerConfig ofDefaults() {
		return DEFAULTS;
	}

	/**
	 * A builder that starts from the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * A builder that starts from this configuration.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/**
	 * The minimum number of calls that the window can actually hold.
	 * @return the effective minimum number of calls
	 */
	public int effectiveMinimumNumberOfCalls() {
		return (this.slidingWindowType == SlidingWindowType.COUNT_BASED)
				? Math.min(this.minimumNumberOfCalls, this.slidingWindowSize) : this.minimumNumberOfCalls;
	}

	/**
	 * How the sliding window measures its size.
	 */
	public enum SlidingWindowType {

		/** The last N calls. */
		COUNT_BASED,

		/** The calls of the last N seconds. */
		TIME_BASED

	}

	/**
	 * Builds a {@link CircuitBreakerConfig}; one method per property.
	 */
	public static final class Builder {

		private float failureRateThreshold = 50;

		private float slowCallRateThreshold = 100;

		private Duration slowCallDurationThreshold = Duration.ofSeconds(60);

		private SlidingWindowType slidingWindowType = SlidingWindowType.COUNT_BASED;

		private int slidingWindowSize = 100;

		private int minimumNumberOfCalls = 100;

		private int consecutiveFailuresThreshold;

		private Duration waitDurationInOpenState = Duration.ofSeconds(60);

		private double waitDurationMultiplier = 1.0;

		private Duration maxWaitDurationInOpenState;

		private int permittedNumberOfCallsInHalfOpenState = 10;

		private Duration maxWaitDurationInHalfOpenState = Duration.ZERO;

		private List<Class<? extends Throwable>> recordExceptions = List.of();

		private List<Class<? extends Throwable>> ignoreExceptions = List.of();

		private boolean shared = true;

		private Builder() {
		}

		private Builder(CircuitBreakerConfig config) {
			this.failureRateThreshold = config.failureRateThreshold;
			this.slowCallRateThreshold = config.slowCallRateThreshold;
			this.slowCallDurationThreshold = config.slowCallDurationThreshold;
			this.slidingWindowType = config.slidingWindowType;
			this.slidingWindowSize = config.slidingWindowSize;
			this.minimumNumberOfCalls = config.minimumNumberOfCalls;
			this.consecutiveFailuresThreshold = config.consecutiveFailuresThreshold;
			this.waitDurationInOpenState = config.waitDurationInOpenState;
			this.waitDurationMultiplier = config.waitDurationMultiplier;
			this.maxWaitDurationInOpenState = config.maxWaitDurationInOpenState;
			this.permittedNumberOfCallsInHalfOpenState = config.permittedNumberOfCallsInHalfOpenState;
			this.maxWaitDurationInHalfOpenState = config.maxWaitDurationInHalfOpenState;
			this.recordExceptions = config.recordExceptions;
			this.ignoreExceptions = config.ignoreExceptions;
			this.shared = config.shared;
		}

		public Builder failureRateThreshold(float percent) {
			this.failureRateThreshold = percent;
			return this;
		}

		public Builder slowCallRateThreshold(float percent) {
			this.slowCallRateThreshold = percent;
			return this;
		}

		public Builder slowCallDurationThreshold(Duration duration) {
			this.slowCallDurationThreshold = duration;
			return this;
		}

		public Builder slidingWindowType(SlidingWindowType type) {
			this.slidingWindowType = type;
			return this;
		}

		public Builder slidingWindowSize(int size) {
			this.slidingWindowSize = size;
			return this;
		}

		public Builder minimumNumberOfCalls(int calls) {
			this.minimumNumberOfCalls = calls;
			return this;
		}

		public Builder consecutiveFailuresThreshold(int failures) {
			this.consecutiveFailuresThreshold = failures;
			return this;
		}

		public Builder waitDurationInOpenState(Duration duration) {
			this.waitDurationInOpenState = duration;
			return this;
		}

		public Builder waitDurationMultiplier(double multiplier) {
			this.waitDurationMultiplier = multiplier;
			return this;
		}

		public Builder maxWaitDurationInOpenState(Duration duration) {
			this.maxWaitDurationInOpenState = duration;
			return this;
		}

		public Builder permittedNumberOfCallsInHalfOpenState(int calls) {
			this.permittedNumberOfCallsInHalfOpenState = calls;
			return this;
		}

		public Builder maxWaitDurationInHalfOpenState(Duration duration) {
			this.maxWaitDurationInHalfOpenState = duration;
			return this;
		}

		@SafeVarargs
		public final Builder recordExceptions(Class<? extends Throwable>... exceptions) {
			return recordExceptions(List.of(exceptions));
		}

		public Builder recordExceptions(List<Class<? extends Throwable>> exceptions) {
			this.recordExceptions = exceptions;
			return this;
		}

		@SafeVarargs
		public final Builder ignoreExceptions(Class<? extends Throwable>... exceptions) {
			return ignoreExceptions(List.of(exceptions));
		}

		public Builder ignoreExceptions(List<Class<? extends Throwable>> exceptions) {
			this.ignoreExceptions = exceptions;
			return this;
		}

		public Builder shared(boolean shared) {
			this.shared = shared;
			return this;
		}

		// Unless set, the cap is the documented 60s, or the wait duration if that is
		// longer,
		// so that raising only the wait duration is not an error.
		private Duration maxWait() {
			if (this.maxWaitDurationInOpenState != null || this.waitDurationInOpenState == null) {
				return this.maxWaitDurationInOpenState;
			}
			Duration cap = Duration.ofSeconds(60);
			return (this.waitDurationInOpenState.compareTo(cap) > 0) ? this.waitDurationInOpenState : cap;
		}

		/**
		 * Validate and build.
		 * @return the configuration
		 * @throws InvalidConfigException if a value is out of range
		 */
		public CircuitBreakerConfig build() {
			return new CircuitBreakerConfig(this.failureRateThreshold, this.slowCallRateThreshold,
					this.slowCallDurationThreshold, this.slidingWindowType, this.slidingWindowSize,
					this.minimumNumberOfCalls, this.consecutiveFailuresThreshold, this.waitDurationInOpenState,
					this.waitDurationMultiplier, maxWait(), this.permittedNumberOfCallsInHalfOpenState,
					this.maxWaitDurationInHalfOpenState, this.recordExceptions, this.ignoreExceptions, this.shared);
		}

	}

}
