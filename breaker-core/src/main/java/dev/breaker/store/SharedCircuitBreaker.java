/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.State;
import dev.breaker.StateTransition;
import dev.breaker.Ticker;
import dev.breaker.internal.ExceptionClassifier;
import dev.breaker.internal.LocalCircuitBreaker;

/**
 * A circuit breaker whose state is shared by every instance through a
 * {@link SharedStore}: it decides locally, without a store round trip, from the latest
 * shared state it knows.
 */
public final class SharedCircuitBreaker implements CircuitBreaker {

	/*
	 * Implementation notes
	 *
	 * The view changes are in Views. A permit carries the sequence number of the view
	 * that granted it; outcomes are added to that view's tally only while it is current,
	 * so a call admitted before a trip never counts in the next generation. Every outcome
	 * also goes to a hidden local breaker, which therefore holds a warm window when the
	 * store goes down. Lease ids are touched by the store thread only (SyncBook); callers
	 * only see the view's token counter.
	 */

	private final String name;

	private final CircuitBreakerConfig config;

	private final Ticker ticker;

	private final SharedStore store;

	private final LocalCircuitBreaker local;

	private final ExceptionClassifier classifier;

	private final long slowNanos;

	final boolean trackStreak;

	private final LongAdder notPermitted = new LongAdder();

	private final Views views;

	final SyncBook book;

	SharedCircuitBreaker(String name, CircuitBreakerConfig config, Ticker ticker, SharedStore store) {
		this.name = name;
		this.config = config;
		this.ticker = ticker;
		this.store = store;
		this.local = new LocalCircuitBreaker(name, config, ticker, false);
		this.classifier = new ExceptionClassifier(config);
		this.slowNanos = config.slowCallDurationThreshold().toNanos();
		this.trackStreak = config.consecutiveFailuresThreshold() > 0;
		this.views = new Views(this, this.local);
		this.book = new SyncBook(this);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public State state() {
		return this.views.shown(this.views.current());
	}

	@Override
	public CircuitBreakerConfig config() {
		return this.config;
	}

	@Override
	public boolean shared() {
		return true;
	}

	@Override
	public Ticker ticker() {
		return this.ticker;
	}

	@Override
	public long acquirePermission() {
		View current = this.views.current();
		switch (current.mode) {
			case LOCAL:
				return Permits.of(current, this.local.acquirePermission(), false);
			case FAIL_OPEN:
				return Permits.of(current, this.local.tryAcquirePermission(), false);
			case FAIL_CLOSED:
				this.notPermitted.increment();
				throw current.rejection;
			default:
		}
		State state = current.cluster.state();
		if (state == State.CLOSED || state == State.DISABLED) {
			return Permits.of(current, this.local.tryAcquirePermission(), false);
		}
		if (state == State.HALF_OPEN) {
			if (takeToken(current)) {
				return Permits.of(current, this.local.tryAcquirePermission(), true);
			}
			askForTrial(current);
		}
		else if (state == State.OPEN && this.ticker.read() - current.openUntilNanos >= 0) {
			askForTrial(current);
		}
		this.notPermitted.increment();
		throw current.rejection;
	}

	private static boolean takeToken(View current) {
		for (;;) {
			int tokens = current.tokens.get();
			if (tokens <= 0) {
				return false;
			}
			if (current.tokens.compareAndSet(tokens, tokens - 1)) {
				return true;
			}
		}
	}

	private void askForTrial(View current) {
		current.demand.incrementAndGet();
		if (current.nudged.compareAndSet(false, true)) {
			this.store.wake();
		}
	}

	@Override
	public void onSuccess(long permit, long durationNanos) {
		this.local.onSuccess(Permits.local(permit), durationNanos);
		recordShared(permit, false, durationNanos >= this.slowNanos);
	}

	@Override
	public void onError(long permit, long durationNanos, Throwable error) {
		this.local.onError(Permits.local(permit), durationNanos, error);
		switch (this.classifier.classify(error)) {
			case FAILURE -> recordShared(permit, true, durationNanos >= this.slowNanos);
			case SUCCESS -> recordShared(permit, false, durationNanos >= this.slowNanos);
			default -> ignoredShared(permit);
		}
	}

	@Override
	public void onIgnored(long permit) {
		this.local.onIgnored(Permits.local(permit));
		ignoredShared(permit);
	}

	private void recordShared(long permit, boolean failure, boolean slow) {
		View current = this.views.current();
		if (current.mode != View.Mode.SHARED || current.seq != Permits.seq(permit)) {
			return;
		}
		if (Permits.trial(permit)) {
			current.trials.record(failure, slow, false);
			this.store.wake();
		}
		else if (current.cluster.state() == State.CLOSED && current.tally.record(failure, slow, this.trackStreak)) {
			this.store.wake();
		}
	}

	private void ignoredShared(long permit) {
		View current = this.views.current();
		if (Permits.trial(permit) && current.seq == Permits.seq(permit)) {
			current.tokens.incrementAndGet();
		}
	}

	@Override
	public void transitionTo(State target) {
		if (target != State.FORCED_OPEN && target != State.DISABLED && target != State.CLOSED) {
			throw new IllegalArgumentException("Circuit breaker '" + this.name
					+ "' can be transitioned by hand to FORCED_OPEN, DISABLED or CLOSED, not " + target);
		}
		manual(target.name(), target);
	}

	@Override
	public void reset() {
		this.local.reset();
		manual("RESET", State.CLOSED);
	}

	// Applied here at once (provisionally, at the same epoch) and sent with the next
	// sync, which the store is woken for; the store's reply then publishes the
	// transition.
	private void manual(String command, State target) {
		this.book.manual(command);
		if (!this.views.provisional(target) && !command.equals("RESET")) {
			this.local.transitionTo(target);
		}
		this.store.wake();
	}

	/**
	 * Adopt a shared state from a sync reply or a message, if it is newer than the one
	 * held (or if the store just came back).
	 * @param state the shared state
	 * @param fromSync whether it is the reply of this instance's own sync
	 */
	void adopt(ClusterState state, boolean fromSync) {
		this.views.adopt(state, fromSync, fromSync ? this.book.granted(state) : 0);
		// A manual state given to the local breaker while the store was down has been
		// sent
		// to the store; locally it would keep the stand-in from warming up for the next
		// outage.
		State localState = this.local.state();
		if ((localState == State.FORCED_OPEN || localState == State.DISABLED)
				&& this.views.current().mode == View.Mode.SHARED) {
			this.local.transitionTo(State.CLOSED);
		}
	}

	void storeDown(OnStoreFailure mode) {
		this.views.storeDown(mode);
		// a manual transition the store never confirmed now applies to the local breaker
		String pending = this.book.pendingManual();
		if (pending != null && !pending.equals("RESET")) {
			this.local.transitionTo(State.valueOf(pending));
		}
	}

	View view() {
		return this.views.current();
	}

	@Override
	public CircuitBreakerMetrics metrics() {
		CircuitBreakerMetrics own = this.local.metrics();
		return this.views.metrics(own, own.notPermittedCalls() + this.notPermitted.sum(), this.config);
	}

	@Override
	public List<StateTransition> transitions() {
		return this.views.history().recent();
	}

	@Override
	public void addTransitionListener(Consumer<? super StateTransition> listener) {
		this.views.history().add(listener);
	}

	@Override
	public void removeTransitionListener(Consumer<? super StateTransition> listener) {
		this.views.history().remove(listener);
	}

	@Override
	public String toString() {
		return "SharedCircuitBreaker[" + this.name + ", " + state() + "]";
	}

}
