/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.State;
import dev.breaker.StateTransition;
import dev.breaker.Ticker;

/**
 * The lock-free circuit breaker of one process.
 */
public class LocalCircuitBreaker implements CircuitBreaker {

	/*
	 * Implementation notes
	 *
	 * Possible transitions of the state field (each one compareAndSet from the generation
	 * that observed the condition; the loser of a race does nothing):
	 *
	 * CLOSED -> OPEN (a rate reached its threshold, or N failures in a row) OPEN ->
	 * HALF_OPEN (first call after the wait) HALF_OPEN -> CLOSED (all trial calls done
	 * under the thresholds) HALF_OPEN -> OPEN (closing became impossible, or the trial
	 * took too long) any -> FORCED_OPEN | DISABLED | CLOSED (by hand; reset() replaces
	 * CLOSED too)
	 *
	 * A permit is the generation that granted it. An outcome is applied only if the
	 * current generation still equals its permit; a recorder that passes that check just
	 * before a transition writes into the replaced state object, which nobody reads any
	 * more -- so a late outcome never counts in a newer generation. Cumulative counters
	 * (LongAdder) count every outcome whatever its generation. Side effects (history,
	 * log, listeners) run only after winning the CAS, on the winner's thread; two
	 * transitions won within microseconds on different threads may reach listeners in
	 * either order.
	 */

	private final String name;

	private final CircuitBreakerConfig config;

	private final Ticker ticker;

	private final long slowNanos;

	private final ExceptionClassifier classifier;

	private final AtomicReference<BreakerState> state;

	private final TransitionLog transitions;

	private final LongAdder successful = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder ignored = new LongAdder();

	private final LongAdder notPermitted = new LongAdder();

	private final LongAdder slow = new LongAdder();

	public LocalCircuitBreaker(String name, CircuitBreakerConfig config, Ticker ticker) {
		this(name, config, ticker, true);
	}

	/**
	 * Create a breaker.
	 * @param name the breaker name
	 * @param config its configuration
	 * @param ticker the time source
	 * @param logTransitions whether its transitions are logged; a shared breaker's local
	 * stand-in is not
	 */
	public LocalCircuitBreaker(String name, CircuitBreakerConfig config, Ticker ticker, boolean logTransitions) {
		this.transitions = new TransitionLog(logTransitions);
		if (name == null || name.isBlank()) {
			throw new IllegalArgumentException("A circuit breaker needs a non-blank name");
		}
		this.name = name;
		this.config = config;
		this.ticker = ticker;
		this.slowNanos = config.slowCallDurationThreshold().toNanos();
		this.classifier = new ExceptionClassifier(config);
		this.state = new AtomicReference<>(new ClosedState(this, 0));
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public State state() {
		return this.state.get().state;
	}

	@Override
	public CircuitBreakerConfig config() {
		return this.config;
	}

	@Override
	public Ticker ticker() {
		return this.ticker;
	}

	@Override
	public long acquirePermission() {
		for (;;) {
			BreakerState current = this.state.get();
			long permit = current.tryAcquire(this);
			if (permit >= 0) {
				return permit;
			}
			if (permit == BreakerState.REJECTED) {
				this.notPermitted.increment();
				throw current.rejection();
			}
		}
	}

	/**
	 * Like {@link #acquirePermission()}, but answers {@code -1} instead of throwing and
	 * counts nothing; a shared breaker feeds its local stand-in this way.
	 * @return the permit, or {@code -1} if this breaker would reject the call
	 */
	public long tryAcquirePermission() {
		for (;;) {
			long permit = this.state.get().tryAcquire(this);
			if (permit >= 0 || permit == BreakerState.REJECTED) {
				return permit;
			}
		}
	}

	@Override
	public void onSuccess(long permit, long durationNanos) {
		this.successful.increment();
		record(permit, false, durationNanos);
	}

	@Override
	public void onError(long permit, long durationNanos, Throwable error) {
		switch (this.classifier.classify(error)) {
			case FAILURE -> {
				this.failed.increment();
				record(permit, true, durationNanos);
			}
			case SUCCESS -> onSuccess(permit, durationNanos);
			default -> onIgnored(permit);
		}
	}

	@Override
	public void onIgnored(long permit) {
		this.ignored.increment();
		BreakerState current = this.state.get();
		if (current.generation == permit) {
			current.onIgnored();
		}
	}

	private void record(long permit, boolean failure, long durationNanos) {
		boolean slowCall = durationNanos >= this.slowNanos;
		if (slowCall) {
			this.slow.increment();
		}
		BreakerState current = this.state.get();
		if (current.generation == permit) {
			current.onResult(this, failure, slowCall);
		}
	}

	@Override
	public void transitionTo(State target) {
		if (target != State.FORCED_OPEN && target != State.DISABLED && target != State.CLOSED) {
			throw new IllegalArgumentException("Circuit breaker '" + this.name
					+ "' can be transitioned by hand to FORCED_OPEN, DISABLED or CLOSED, not " + target);
		}
		for (;;) {
			BreakerState current = this.state.get();
			if (current.state == target) {
				return;
			}
			BreakerState next = (target == State.CLOSED) ? new ClosedState(this, current.generation + 1)
					: new ManualState(this, current.generation + 1, target, current);
			if (transition(current, next, "manual transition")) {
				return;
			}
		}
	}

	@Override
	public void reset() {
		for (;;) {
			BreakerState current = this.state.get();
			BreakerState next = new ClosedState(this, current.generation + 1);
			if (current.state == State.CLOSED) {
				if (this.state.compareAndSet(current, next)) {
					return;
				}
			}
			else if (transition(current, next, "reset")) {
				return;
			}
		}
	}

	void open(BreakerState from, int attempt, String reason) {
		transition(from, new OpenState(this, from.generation + 1, attempt, waitNanos(attempt), from), reason);
	}

	void halfOpen(OpenState from, int attempt, String reason) {
		transition(from, new HalfOpenState(this, from.generation + 1, attempt), reason);
	}

	void close(BreakerState from, String reason) {
		transition(from, new ClosedState(this, from.generation + 1), reason);
	}

	private boolean transition(BreakerState from, BreakerState to, String reason) {
		if (!this.state.compareAndSet(from, to)) {
			return false;
		}
		this.transitions.publish(new StateTransition(this.name, from.state, to.state, reason, Instant.now()));
		return true;
	}

	/** The wait of the given consecutive re-open: wait * multiplier^attempt, capped. */
	long waitNanos(int attempt) {
		long base = this.config.waitDurationInOpenState().toNanos();
		long cap = this.config.maxWaitDurationInOpenState().toNanos();
		double grown = base * Math.pow(this.config.waitDurationMultiplier(), attempt);
		return (grown >= cap) ? cap : (long) grown;
	}

	@Override
	public CircuitBreakerMetrics metrics() {
		BreakerState current = this.state.get();
		SlidingWindow window = current.window();
		long calls = window.calls();
		long failures = window.failures();
		long slowCalls = window.slowCalls();
		boolean enough = calls >= current.minimumCalls() && calls > 0;
		float failureRate = enough ? Rates.percent(failures, calls) : -1f;
		float slowCallRate = enough ? Rates.percent(slowCalls, calls) : -1f;
		return new CircuitBreakerMetrics(failureRate, slowCallRate, calls, failures, slowCalls, this.successful.sum(),
				this.failed.sum(), this.ignored.sum(), this.notPermitted.sum(), this.slow.sum());
	}

	@Override
	public List<StateTransition> transitions() {
		return this.transitions.recent();
	}

	@Override
	public void addTransitionListener(Consumer<? super StateTransition> listener) {
		this.transitions.add(listener);
	}

	@Override
	public void removeTransitionListener(Consumer<? super StateTransition> listener) {
		this.transitions.remove(listener);
	}

	@Override
	public String toString() {
		return "CircuitBreaker[" + this.name + ", " + state() + "]";
	}

}
