/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

/**
 * The states of a circuit breaker.
 */
public enum State {

	/** Calls flow and their outcomes are recorded in the sliding window. */
	CLOSED,

	/** Calls are rejected until the wait duration has elapsed. */
	OPEN,

	/** A limited number of trial calls decide whether to close or re-open. */
	HALF_OPEN,

	/** Calls are rejected until someone transitions the breaker by hand. */
	FORCED_OPEN,

	/** Calls flow and nothing can trip the breaker. */
	DISABLED;

	/**
	 * Whether calls are rejected in this state without looking at anything else.
	 * @return {@code true} for {@link #OPEN} and {@link #FORCED_OPEN}
	 */
	public boolean rejectsCalls() {
		return this == OPEN || this == FORCED_OPEN;
	}

}
