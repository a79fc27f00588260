/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.time.Duration;
import java.util.List;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * The settings of one breaker, as written under {@code breaker.defaults} or
 * {@code breaker.instances.<name>}; a {@code null} value inherits (instances from
 * defaults, defaults from the built-in defaults).
 */
public class InstanceProperties {

	/**
	 * Failure rate in percent (1..100) at which the breaker opens.
	 */
	private Float failureRateThreshold;

	/**
	 * Slow-call rate in percent (1..100) at which the breaker opens.
	 */
	private Float slowCallRateThreshold;

	/**
	 * Calls that take at least this long count as slow.
	 */
	private Duration slowCallDurationThreshold;

	/**
	 * Whether the sliding window counts calls or seconds.
	 */
	private SlidingWindowType slidingWindowType;

	/**
	 * Size of the sliding window, in calls or, when time-based, in seconds.
	 */
	private Integer slidingWindowSize;

	/**
	 * Number of calls the window needs before the rates are evaluated.
	 */
	private Integer minimumNumberOfCalls;

	/**
	 * Open after this many failures in a row, whatever the rate; 0 turns it off.
	 */
	private Integer consecutiveFailuresThreshold;

	/**
	 * How long the breaker stays open before it admits trial calls.
	 */
	private Duration waitDurationInOpenState;

	/**
	 * Above 1.0, each consecutive re-open waits this many times longer than the last.
	 */
	private Double waitDurationMultiplier;

	/**
	 * Cap for a wait duration that grows with the multiplier.
	 */
	private Duration maxWaitDurationInOpenState;

	/**
	 * Number of trial calls admitted while half-open.
	 */
	private Integer permittedNumberOfCallsInHalfOpenState;

	/**
	 * Re-open when the trial calls are not done within this time; 0 waits for all of
	 * them.
	 */
	private Duration maxWaitDurationInHalfOpenState;

	/**
	 * Exception class names that count as failures (subclasses too); empty means every
	 * exception.
	 */
	private List<String> recordExceptions;

	/**
	 * Exception class names that count neither as success nor as failure (subclasses
	 * too); they win over record-exceptions.
	 */
	private List<String> ignoreExceptions;

	/**
	 * Whether the breaker's state is kept in the shared store when
	 * breaker.store.type=redis.
	 */
	private Boolean shared;

	public Float getFailureRateThreshold() {
		return this.failureRateThreshold;
	}

	public void setFailureRateThreshold(Float failureRateThreshold) {
		this.failureRateThreshold = failureRateThreshold;
	}

	public Float getSlowCallRateThreshold() {
		return this.slowCallRateThreshold;
	}

	public void setSlowCallRateThreshold(Float slowCallRateThreshold) {
		this.slowCallRateThreshold = slowCallRateThreshold;
	}

	public Duration getSlowCallDurationThreshold() {
		return this.slowCallDurationThreshold;
	}

	public void setSlowCallDurationThreshold(Duration slowCallDurationThreshold) {
		this.slowCallDurationThreshold = slowCallDurationThreshold;
	}

	public SlidingWindowType getSlidingWindowType() {
		return this.slidingWindowType;
	}

	public void setSlidingWindowType(SlidingWindowType slidingWindowType) {
		this.slidingWindowType = slidingWindowType;
	}

	public Integer getSlidingWindowSize() {
		return this.slidingWindowSize;
	}

	public void setSlidingWindowSize(Integer slidingWindowSize) {
		this.slidingWindowSize = slidingWindowSize;
	}

	public Integer getMinimumNumberOfCalls() {
		return this.minimumNumberOfCalls;
	}

	public void setMinimumNumberOfCalls(Integer minimumNumberOfCalls) {
		this.minimumNumberOfCalls = minimumNumberOfCalls;
	}

	public Integer getConsecutiveFailuresThreshold() {
		return this.consecutiveFailuresThreshold;
	}

	public void setConsecutiveFailuresThreshold(Integer consecutiveFailuresThreshold) {
		this.consecutiveFailuresThreshold = consecutiveFailuresThreshold;
	}

	public Duration getWaitDurationInOpenState() {
		return this.waitDurationInOpenState;
	}

	public void setWaitDurationInOpenState(Duration waitDurationInOpenState) {
		this.waitDurationInOpenState = waitDurationInOpenState;
	}

	public Double getWaitDurationMultiplier() {
		return this.waitDurationMultiplier;
	}

	public void setWaitDurationMultiplier(Double waitDurationMultiplier) {
		this.waitDurationMultiplier = waitDurationMultiplier;
	}

	public Duration getMaxWaitDurationInOpenState() {
		return this.maxWaitDurationInOpenState;
	}

	public void setMaxWaitDurationInOpenState(Duration maxWaitDurationInOpenState) {
		this.maxWaitDurationInOpenState = maxWaitDurationInOpenState;
	}

	public Integer getPermittedNumberOfCallsInHalfOpenState() {
		return this.permittedNumberOfCallsInHalfOpenState;
	}

	public void setPermittedNumberOfCallsInHalfOpenState(Integer permittedNumberOfCallsInHalfOpenState) {
		this.permittedNumberOfCallsInHalfOpenState = permittedNumberOfCallsInHalfOpenState;
	}

	public Duration getMaxWaitDurationInHalfOpenState() {
		return this.maxWaitDurationInHalfOpenState;
	}

	public void setMaxWaitDurationInHalfOpenState(Duration maxWaitDurationInHalfOpenState) {
		this.maxWaitDurationInHalfOpenState = maxWaitDurationInHalfOpenState;
	}

	public List<String> getRecordExceptions() {
		return this.recordExceptions;
	}

	public void setRecordExceptions(List<String> recordExceptions) {
		this.recordExceptions = recordExceptions;
	}

	public List<String> getIgnoreExceptions() {
		return this.ignoreExceptions;
	}

	public void setIgnoreExceptions(List<String> ignoreExceptions) {
		this.ignoreExceptions = ignoreExceptions;
	}

	public Boolean getShared() {
		return this.shared;
	}

	public void setShared(Boolean shared) {
		this.shared = shared;
	}

}
