/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import dev.breaker.State;

/**
 * FORCED_OPEN (rejects every call) or DISABLED (admits every call and never trips); both
 * last until the next manual transition.
 */
final class ManualState extends BreakerState {

	private final SlidingWindow frozen;

	private final long minimumCalls;

	ManualState(LocalCircuitBreaker breaker, long generation, State state, BreakerState previous) {
		super(breaker, generation, state);
		this.frozen = previous.window();
		this.minimumCalls = previous.minimumCalls();
	}

	@Override
	long tryAcquire(LocalCircuitBreaker breaker) {
		return (this.state == State.DISABLED) ? this.generation : REJECTED;
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
