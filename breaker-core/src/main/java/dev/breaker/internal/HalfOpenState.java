/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;

/**
 * HALF_OPEN: at most N trial calls are admitted; the breaker closes when all N completed
 * under both thresholds and re-opens as soon as that can no longer happen.
 */
final class HalfOpenState extends BreakerState implements SlidingWindow {

	/*
	 * Implementation notes
	 *
	 * admitted counts permits handed out (an ignored call gives its permit back), so at
	 * most N calls of this generation run at once and at most N outcomes are counted. The
	 * trial counts are packed in one AtomicLong (see Totals), so the recorder that
	 * completes the trial, or makes closing impossible, sees a consistent triple and is
	 * the one that decides; deciding twice is prevented by the transition CAS.
	 */

	private static final long NO_DEADLINE = Long.MIN_VALUE;

	private final int permitted;

	private final AtomicInteger admitted = new AtomicInteger();

	private final AtomicLong trial = new AtomicLong();

	private final int attempt;

	private final long deadline;

	private final CircuitBreakerConfig config;

	HalfOpenState(LocalCircuitBreaker breaker, long generation, int attempt) {
		super(breaker, generation, State.HALF_OPEN);
		this.config = breaker.config();
		this.permitted = this.config.permittedNumberOfCallsInHalfOpenState();
		this.attempt = attempt;
		long maxWait = this.config.maxWaitDurationInHalfOpenState().toNanos();
		this.deadline = (maxWait > 0) ? breaker.ticker().read() + maxWait : NO_DEADLINE;
	}

	@Override
	long tryAcquire(LocalCircuitBreaker breaker) {
		if (reopenedOverdue(breaker)) {
			return RETRY;
		}
		for (;;) {
			int count = this.admitted.get();
			if (count >= this.permitted) {
				return REJECTED;
			}
			if (this.admitted.compareAndSet(count, count + 1)) {
				return this.generation;
			}
		}
	}

	// Checked by outcomes too: a trial that completes late must not close the breaker
	// just because no new call arrived to notice the deadline first.
	private boolean reopenedOverdue(LocalCircuitBreaker breaker) {
		if (this.deadline == NO_DEADLINE || breaker.ticker().read() - this.deadline < 0) {
			return false;
		}
		breaker.open(this, this.attempt + 1, "trial calls not completed within "
				+ Durations.format(this.config.maxWaitDurationInHalfOpenState().toNanos()));
		return true;
	}

	@Override
	void onResult(LocalCircuitBreaker breaker, boolean failure, boolean slow) {
		if (reopenedOverdue(breaker)) {
			return;
		}
		long totals = this.trial.addAndGet(Totals.delta(failure, slow));
		long completed = Totals.calls(totals);
		long failures = Totals.failures(totals);
		long slowCalls = Totals.slow(totals);
		float failureRate = Rates.percent(failures, this.permitted);
		float slowRate = Rates.percent(slowCalls, this.permitted);
		if (failureRate >= this.config.failureRateThreshold()) {
			breaker.open(this, this.attempt + 1, failures + " of " + this.permitted + " trial calls failed ("
					+ Rates.format(failureRate) + "% >= " + Rates.format(this.config.failureRateThreshold()) + "%)");
		}
		else if (slowRate >= this.config.slowCallRateThreshold()) {
			breaker.open(this, this.attempt + 1, slowCalls + " of " + this.permitted + " trial calls were slow ("
					+ Rates.format(slowRate) + "% >= " + Rates.format(this.config.slowCallRateThreshold()) + "%)");
		}
		else if (completed >= this.permitted) {
			breaker.close(this, completed + " trial calls: failure rate " + Rates.format(failureRate)
					+ "%, slow-call rate " + Rates.format(slowRate) + "%");
		}
	}

	@Override
	void onIgnored() {
		this.admitted.decrementAndGet();
	}

	@Override
	SlidingWindow window() {
		return this;
	}

	@Override
	long minimumCalls() {
		return this.permitted;
	}

	@Override
	public void record(boolean failure, boolean slow) {
		throw new UnsupportedOperationException();
	}

	@Override
	public long calls() {
		return Totals.calls(this.trial.get());
	}

	@Override
	public long failures() {
		return Totals.failures(this.trial.get());
	}

	@Override
	public long slowCalls() {
		return Totals.slow(this.trial.get());
	}

}
