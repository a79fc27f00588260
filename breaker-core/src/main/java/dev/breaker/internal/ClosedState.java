/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.util.concurrent.atomic.AtomicInteger;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;

/**
 * CLOSED: every call is admitted and recorded; the first recorder that sees a rate at its
 * threshold trips the breaker.
 */
final class ClosedState extends BreakerState {

	private final SlidingWindow window;

	private final AtomicInteger consecutiveFailures = new AtomicInteger();

	private final CircuitBreakerConfig config;

	private final long minimumCalls;

	ClosedState(LocalCircuitBreaker breaker, long generation) {
		super(breaker, generation, State.CLOSED);
		this.config = breaker.config();
		this.window = SlidingWindow.of(this.config, breaker.ticker());
		this.minimumCalls = this.config.effectiveMinimumNumberOfCalls();
	}

	@Override
	long tryAcquire(LocalCircuitBreaker breaker) {
		return this.generation;
	}

	@Override
	void onResult(LocalCircuitBreaker breaker, boolean failure, boolean slow) {
		this.window.record(failure, slow);
		int threshold = this.config.consecutiveFailuresThreshold();
		if (threshold > 0) {
			if (failure) {
				int inARow = this.consecutiveFailures.incrementAndGet();
				if (inARow >= threshold) {
					breaker.open(this, 0, inARow + " consecutive failures (threshold " + threshold + ")");
					return;
				}
			}
			else if (this.consecutiveFailures.get() != 0) {
				this.consecutiveFailures.set(0);
			}
		}
		evaluate(breaker);
	}

	private void evaluate(LocalCircuitBreaker breaker) {
		long calls = this.window.calls();
		if (calls < this.minimumCalls) {
			return;
		}
		float failureRate = Rates.percent(this.window.failures(), calls);
		if (failureRate >= this.config.failureRateThreshold()) {
			breaker.open(this, 0, Rates.reason("failure rate", failureRate, this.config.failureRateThreshold(), calls));
			return;
		}
		float slowCallRate = Rates.percent(this.window.slowCalls(), calls);
		if (slowCallRate >= this.config.slowCallRateThreshold()) {
			breaker.open(this, 0,
					Rates.reason("slow-call rate", slowCallRate, this.config.slowCallRateThreshold(), calls));
		}
	}

	@Override
	SlidingWindow window() {
		return this.window;
	}

	@Override
	long minimumCalls() {
		return this.minimumCalls;
	}

}
