/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import dev.breaker.State;

/**
 * OPEN: calls are rejected until the wait is over; the first call after it moves the
 * breaker to HALF_OPEN (no scheduler thread).
 */
final class OpenState extends BreakerState {

	private final long until;

	private final int attempt;

	private final long waitNanos;

	private final SlidingWindow frozen;

	private final long minimumCalls;

	private final LocalCircuitBreaker breaker;

	/**
	 * @param attempt how many times in a row the breaker re-opened (0 after a trip from
	 * CLOSED), which grows the wait
	 * @param waitNanos how long this generation stays open
	 * @param previous the state it opened from, whose counts the metrics keep showing
	 */
	OpenState(LocalCircuitBreaker breaker, long generation, int attempt, long waitNanos, BreakerState previous) {
		super(breaker, generation, State.OPEN);
		this.breaker = breaker;
		this.attempt = attempt;
		this.waitNanos = waitNanos;
		this.until = breaker.ticker().read() + waitNanos;
		this.frozen = previous.window();
		this.minimumCalls = previous.minimumCalls();
	}

	@Override
	long tryAcquire(LocalCircuitBreaker breaker) {
		if (breaker.ticker().read() - this.until < 0) {
			return REJECTED;
		}
		breaker.halfOpen(this, this.attempt, "waited " + Durations.format(this.waitNanos));
		return RETRY;
	}

	@Override
	long retryAfterNanos() {
		return this.until - this.breaker.ticker().read();
	}

	@Override
	SlidingWindow window() {
		return this.frozen;
	}

	@Override
	long minimumCalls() {
		return this.minimumCalls;
	}

}
