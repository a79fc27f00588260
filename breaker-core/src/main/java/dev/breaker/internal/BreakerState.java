/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import dev.breaker.CallNotPermittedException;
import dev.breaker.State;

/**
 * One generation of a breaker's state. Immutable except for the counters it owns; a
 * transition replaces the whole object with compareAndSet, so anything recorded into a
 * replaced generation is simply lost with it.
 */
abstract class BreakerState {

	/** {@link #tryAcquire} result: the call is rejected. */
	static final long REJECTED = -1;

	/** {@link #tryAcquire} result: the state changed, read it again. */
	static final long RETRY = -2;

	final long generation;

	final State state;

	private final CallNotPermittedException rejection;

	BreakerState(LocalCircuitBreaker breaker, long generation, State state) {
		this.generation = generation;
		this.state = state;
		this.rejection = state.rejectsCalls() || state == State.HALF_OPEN
				? new CallNotPermittedException(breaker.name(), state, this::retryAfterNanos) : null;
	}

	/**
	 * Try to admit one call.
	 * @param breaker the breaker this state belongs to
	 * @return the permit (this generation), {@link #REJECTED} or {@link #RETRY}
	 */
	abstract long tryAcquire(LocalCircuitBreaker breaker);

	/**
	 * Record the outcome of a call admitted by this generation.
	 * @param breaker the breaker this state belongs to
	 * @param failure whether the call failed
	 * @param slow whether the call was slow
	 */
	void onResult(LocalCircuitBreaker breaker, boolean failure, boolean slow) {
	}

	/**
	 * Release the permit of an ignored call admitted by this generation.
	 */
	void onIgnored() {
	}

	/**
	 * The counts that the metrics show in this state.
	 * @return the window, never {@code null}
	 */
	abstract SlidingWindow window();

	/**
	 * How many buffered calls make the rates meaningful in this state.
	 * @return the minimum number of calls
	 */
	abstract long minimumCalls();

	/**
	 * Nanoseconds until a trial call may be admitted.
	 * @return the remaining time, zero or less if unknown
	 */
	long retryAfterNanos() {
		return 0;
	}

	/**
	 * The preallocated, stackless exception for a rejected call.
	 * @return the exception
	 */
	CallNotPermittedException rejection() {
		return this.rejection;
	}

}
