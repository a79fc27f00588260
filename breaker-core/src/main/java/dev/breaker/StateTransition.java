/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Instant;

/**
 * One change of a breaker's state, with the reason in words an operator can act on.
 *
 * @param breakerName the name of the breaker
 * @param from the state before
 * @param to the state after
 * @param reason why, for example {@code failure rate 62.5% >= 50% over 16 calls}
 * @param at when the transition happened (wall clock, for display only)
 */
public record StateTransition(String breakerName, State from, State to, String reason, Instant at) {

	@Override
	public String toString() {
		return "Circuit breaker '" + this.breakerName + "' " + this.from + " -> " + this.to + ": " + this.reason;
	}

}
