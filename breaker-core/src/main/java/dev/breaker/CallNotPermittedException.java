/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Thrown (or signalled) when a breaker rejects a call. It has no stack trace, so a
 * rejection costs about as much as a volatile read; one instance may be shared by all
 * rejections of the same state generation.
 */
public class CallNotPermittedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String breakerName;

	private final State state;

	private final transient LongSupplier retryAfterNanos;

	/**
	 * Create an exception for a rejected call.
	 * @param breakerName the name of the breaker that rejected the call
	 * @param state the state of the breaker when it rejected the call
	 * @param retryAfterNanos computes the nanoseconds until a trial call may be admitted,
	 * zero or less if unknown
	 */
	public CallNotPermittedException(String breakerName, State state, LongSupplier retryAfterNanos) {
		super("Circuit breaker '" + breakerName + "' is " + state + " and does not permit calls", null, false, false);
		this.breakerName = breakerName;
		this.state = state;
		this.retryAfterNanos = retryAfterNanos;
	}

	/**
	 * The name of the breaker that rejected the call.
	 * @return the breaker name
	 */
	public String breakerName() {
		return this.breakerName;
	}

	/**
	 * The state of the breaker when it rejected the call.
	 * @return the state
	 */
	public State state() {
		return this.state;
	}

	/**
	 * How long until the breaker may admit a trial call, measured now.
	 * @return the duration, {@link Duration#ZERO} if unknown or already due
	 */
	public Duration retryAfter() {
		long nanos = (this.retryAfterNanos != null) ? this.retryAfterNanos.getAsLong() : 0;
		return (nanos > 0) ? Duration.ofNanos(nanos) : Duration.ZERO;
	}

}
