/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;
import org.jspecify.annotations.Nullable;

/**
 * The settings of one breaker, as written under {@code breaker.defaults} or
 * {@code breaker.instances.<name>}; a {@code null} value inherits (instances from
 * defaults, defaults from the built-in defaults).
 */
public class InstanceProperties {

	/**
	 * Failure rate in percent (1..100) at which the breaker opens.
	 */
	private @Nullable Float failureRateThreshold;

	/**
	 * Slow-call rate in percent (1..100) at which the breaker opens.
	 */
	private @Nullable Float slowCallRateThreshold;

	/**
	 * Calls that take at least this long count as slow.
	 */
	private @Nullable Duration slowCallDurationThreshold;

	/**
	 * Whether the sliding window counts calls or seconds.
	 */
	private @Nullable SlidingWindowType slidingWindowType;

	/**
	 * Size of the sliding window, in calls or, when time-based, in seconds.
	 */
	private @Nullable Integer slidingWindowSize;

	/**
	 * Number of calls the window needs before the rates are evaluated.
	 */
	private @Nullable Integer minimumNumberOfCalls;

	/**
	 * Open after this many failures in a row, whatever the rate; 0 turns it off.
	 */
	private @Nullable Integer consecutiveFailuresThreshold;

	/**
	 * How long the breaker stays open before it admits trial calls.
	 */
	private @Nullable Duration waitDurationInOpenState;

	/**
	 * Above 1.0, each consecutive re-open waits this many times longer than the last.
	 */
	private @Nullable Double waitDurationMultiplier;

	/**
	 * Cap for a wait duration that grows with the multiplier.
	 */
	private @Nullable Duration maxWaitDurationInOpenState;

	/**
	 * Number of trial calls admitted while half-open.
	 */
	private @Nullable Integer permittedNumberOfCallsInHalfOpenState;

	/**
	 * Re-open when the trial calls are not done within this time; 0 waits for all of
	 * them.
	 */
	private @Nullable Duration maxWaitDurationInHalfOpenState;

	/**
	 * Exception class names that count as failures (subclasses too); empty means every
	 * exception.
	 */
	private @Nullable List<String> recordExceptions;

	/**
	 * Exception class names that count neither as success nor as failure (subclasses
	 * too); they win over record-exceptions.
	 */
	private @Nullable List<String> ignoreExceptions;

	/**
	 * Whether the breaker's state is kept in the shared store when
	 * breaker.store.type=redis.
	 */
	private @Nullable Boolean shared;

	public @Nullable Float getFailureRateThreshold() {
		return this.failureRateThreshold;
	}

	public void setFailureRateThreshold(@Nullable Float failureRateThreshold) {
		this.failureRateThreshold = failureRateThreshold;
	}

	public @Nullable Float getSlowCallRateThreshold() {
		return this.slowCallRateThreshold;
	}

	public void setSlowCallRateThreshold(@Nullable Float slowCallRateThreshold) {
		this.slowCallRateThreshold = slowCallRateThreshold;
	}

	public @Nullable Duration getSlowCallDurationThreshold() {
		return this.slowCallDurationThreshold;
	}

	public void setSlowCallDurationThreshold(@Nullable Duration slowCallDurationThreshold) {
		this.slowCallDurationThreshold = slowCallDurationThreshold;
	}

	public @Nullable SlidingWindowType getSlidingWindowType() {
		return this.slidingWindowType;
	}

	public void setSlidingWindowType(@Nullable SlidingWindowType slidingWindowType) {
		this.slidingWindowType = slidingWindowType;
	}

	public @Nullable Integer getSlidingWindowSize() {
		return this.slidingWindowSize;
	}

	public void setSlidingWindowSize(@Nullable Integer slidingWindowSize) {
		this.slidingWindowSize = slidingWindowSize;
	}

	public @Nullable Integer getMinimumNumberOfCalls() {
		return this.minimumNumberOfCalls;
	}

	public void setMinimumNumberOfCalls(@Nullable Integer minimumNumberOfCalls) {
		this.minimumNumberOfCalls = minimumNumberOfCalls;
	}

	public @Nullable Integer getConsecutiveFailuresThreshold() {
		return this.consecutiveFailuresThreshold;
	}

	public void setConsecutiveFailuresThreshold(@Nullable Integer consecutiveFailuresThreshold) {
		this.consecutiveFailuresThreshold = consecutiveFailuresThreshold;
	}

	public @Nullable Duration getWaitDurationInOpenState() {
		return this.waitDurationInOpenState;
	}

	public void setWaitDurationInOpenState(@Nullable Duration waitDurationInOpenState) {
		this.waitDurationInOpenState = waitDurationInOpenState;
	}

	public @Nullable Double getWaitDurationMultiplier() {
		return this.waitDurationMultiplier;
	}

	public void setWaitDurationMultiplier(@Nullable Double waitDurationMultiplier) {
		this.waitDurationMultiplier = waitDurationMultiplier;
	}

	public @Nullable Duration getMaxWaitDurationInOpenState() {
		return this.maxWaitDurationInOpenState;
	}

	public void setMaxWaitDurationInOpenState(@Nullable Duration maxWaitDurationInOpenState) {
		this.maxWaitDurationInOpenState = maxWaitDurationInOpenState;
	}

	public @Nullable Integer getPermittedNumberOfCallsInHalfOpenState() {
		return this.permittedNumberOfCallsInHalfOpenState;
	}

	public void setPermittedNumberOfCallsInHalfOpenState(@Nullable Integer permittedNumberOfCallsInHalfOpenState) {
		this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
	}

	public @Nullable Duration getMaxWaitDurationInHalfOpenState() {
		return this.maxWaitDurationInHalfOpenState;
	}

	public void setMaxWaitDurationInHalfOpenState(@Nullable Duration maxWaitDurationInHalfOpenState) {
		this.maxWaitDurationInHalfOpenState = maxWaitDurationInHalfOpenState;
	}

	public @Nullable List<String> getRecordExceptions() {
		return this.recordExceptions;
	}

	public void setRecordExceptions(@Nullable List<String> recordExceptions) {
		this.recordExceptions = recordExceptions;
	}

	public @Nullable List<String> getIgnoreExceptions() {
		return this.ignoreExceptions;
	}

	public void setIgnoreExceptions(@Nullable List<String> ignoreExceptions) {
		this.ignoreExceptions = ignoreExceptions;
	}

	public @Nullable Boolean getShared() {
		return this.shared;
	}

	public void setShared(@Nullable Boolean shared) {
		this.shared = shared;
	}

}
