/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

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
import dev.breaker.internal.ExceptionClassifier;
import dev.breaker.internal.LocalCircuitBreaker;
import dev.breaker.internal.TransitionLog;

/**
 * A circuit breaker whose state is shared by every instance through a
 * {@link SharedStore}: it decides locally, without a store round trip, from the latest
 * shared state it knows.
 */
public final class SharedCircuitBreaker implements CircuitBreaker {

	/*
	 * Implementation notes
	 *
	 * Possible changes of the view field (each a compareAndSet; see View):
	 *
	 * SHARED(e) -> SHARED(e' > e) (a sync reply or a message carries a newer epoch)
	 * SHARED(e) -> SHARED(e, provisional) (a manual transition, until the store confirms)
	 * SHARED -> LOCAL | FAIL_OPEN | FAIL_CLOSED (the store went down) -> SHARED (a sync
	 * succeeded again)
	 *
	 * Replies (store thread) and messages (backend thread) race; both go through adopt(),
	 * which only moves to a newer epoch, so the order in which they arrive does not
	 * matter. A permit carries the sequence number of the view that granted it; outcomes
	 * are added to that view's tally only while it is current, so a call admitted before
	 * a trip never counts in the next generation. Every outcome also goes to a hidden
	 * local breaker, which therefore holds a warm window when the store goes down. Lease
	 * ids are touched by the store thread only (SyncBook); callers only see the view's
	 * token counter.
	 */

	private static final long TRIAL = 1L << 62;

	private final String name;

	private final CircuitBreakerConfig config;

	private final Ticker ticker;

	private final SharedStore store;

	private final LocalCircuitBreaker local;

	private final ExceptionClassifier classifier;

	private final long slowNanos;

	final boolean trackStreak;

	private final TransitionLog history = new TransitionLog();

	private final LongAdder notPermitted = new LongAdder();

	private final AtomicReference<View> view;

	private volatile ClusterState lastWindow;

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
		ClusterState initial = ClusterState.initial(name);
		this.lastWindow = initial;
		this.view = new AtomicReference<>(new View(0, View.Mode.SHARED, initial, 0, this));
		this.book = new SyncBook(this);
		this.local.addTransitionListener(this::onLocalTransition);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public State state() {
		View current = this.view.get();
		State shown = current.shownState();
		return (shown != null) ? shown : this.local.state();
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
		View current = this.view.get();
		switch (current.mode) {
			case LOCAL:
				return permit(current, this.local.acquirePermission(), false);
			case FAIL_OPEN:
				return permit(current, this.local.tryAcquirePermission(), false);
			case FAIL_CLOSED:
				this.notPermitted.increment();
				throw current.rejection;
			default:
		}
		State state = current.cluster.state();
		if (state == State.CLOSED || state == State.DISABLED) {
			return permit(current, this.local.tryAcquirePermission(), false);
		}
		if (state == State.HALF_OPEN) {
			if (takeToken(current)) {
				return permit(current, this.local.tryAcquirePermission(), true);
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

	private static long permit(View current, long localPermit, boolean trial) {
		return (trial ? TRIAL : 0) | ((long) current.seq << 32) | ((localPermit + 1) & 0xFFFFFFFFL);
	}

	private static long localPermit(long permit) {
		return (permit & 0xFFFFFFFFL) - 1;
	}

	private static int seq(long permit) {
		return (int) ((permit >>> 32) & ((1L << View.SEQ_BITS) - 1));
	}

	@Override
	public void onSuccess(long permit, long durationNanos) {
		this.local.onSuccess(localPermit(permit), durationNanos);
		recordShared(permit, false, durationNanos >= this.slowNanos);
	}

	@Override
	public void onError(long permit, long durationNanos, Throwable error) {
		this.local.onError(localPermit(permit), durationNanos, error);
		switch (this.classifier.classify(error)) {
			case FAILURE -> recordShared(permit, true, durationNanos >= this.slowNanos);
			case SUCCESS -> recordShared(permit, false, durationNanos >= this.slowNanos);
			default -> ignoredShared(permit);
		}
	}

	@Override
	public void onIgnored(long permit) {
		this.local.onIgnored(localPermit(permit));
		ignoredShared(permit);
	}

	private void recordShared(long permit, boolean failure, boolean slow) {
		View current = this.view.get();
		if (current.mode != View.Mode.SHARED || current.seq != seq(permit)) {
			return;
		}
		if ((permit & TRIAL) != 0) {
			current.trials.record(failure, slow, false);
			this.store.wake();
		}
		else if (current.cluster.state() == State.CLOSED && current.tally.record(failure, slow, this.trackStreak)) {
			this.store.wake();
		}
	}

	private void ignoredShared(long permit) {
		View current = this.view.get();
		if ((permit & TRIAL) != 0 && current.seq == seq(permit)) {
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
		for (;;) {
			View current = this.view.get();
			if (current.mode != View.Mode.SHARED) {
				if (!command.equals("RESET")) {
					this.local.transitionTo(target);
				}
				break;
			}
			ClusterState c = current.cluster;
			ClusterState provisional = new ClusterState(this.name, c.epoch(), target, c.state(),
					"manual transition (pending)", 0, 0, c.windowCalls(), c.windowFailures(), c.windowSlowCalls(),
					List.of());
			if (this.view.compareAndSet(current, new View(current.seq + 1, View.Mode.SHARED, provisional, 0, this))) {
				break;
			}
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
		if (state.hasWindow()) {
			this.lastWindow = state;
		}
		int granted = fromSync ? this.book.granted(state) : 0;
		for (;;) {
			View current = this.view.get();
			boolean recovering = current.mode != View.Mode.SHARED;
			if ((recovering && !fromSync) || (!recovering && state.epoch() < current.cluster.epoch())) {
				return;
			}
			if (!recovering && state.epoch() == current.cluster.epoch()) {
				if (fromSync && current.cluster.state() == state.state()) {
					current.tokens.addAndGet(granted);
				}
				return;
			}
			long openUntil = this.ticker.read() + state.openRemainingMillis() * 1_000_000;
			View next = new View(current.seq + 1, View.Mode.SHARED, state, openUntil, this);
			next.tokens.set(granted);
			if (this.view.compareAndSet(current, next)) {
				State from = (state.epoch() == current.cluster.epoch() + 1 && !recovering) ? state.from()
						: shown(current);
				publish(from, state.state(), recovering ? "shared state adopted: " + state.reason() : state.reason());
				return;
			}
		}
	}

	/**
	 * Stop deciding from the shared state because the store is down.
	 * @param mode what to do instead
	 */
	void storeDown(OnStoreFailure mode) {
		View.Mode next = (mode == OnStoreFailure.FAIL_OPEN) ? View.Mode.FAIL_OPEN
				: (mode == OnStoreFailure.FAIL_CLOSED) ? View.Mode.FAIL_CLOSED : View.Mode.LOCAL;
		for (;;) {
			View current = this.view.get();
			if (current.mode != View.Mode.SHARED) {
				return;
			}
			View down = new View(current.seq + 1, next, current.cluster, current.openUntilNanos, this);
			if (this.view.compareAndSet(current, down)) {
				publish(current.cluster.state(), shown(down), "shared state store unavailable (on-store-failure: "
						+ mode.name().toLowerCase().replace('_', '-') + ")");
				return;
			}
		}
	}

	private State shown(View view) {
		State shown = view.shownState();
		return (shown != null) ? shown : this.local.state();
	}

	private void publish(State from, State to, String reason) {
		if (from != to) {
			this.history.publish(new StateTransition(this.name, from, to, reason, Instant.now()));
		}
	}

	private void onLocalTransition(StateTransition transition) {
		if (this.view.get().mode == View.Mode.LOCAL) {
			publish(transition.from(), transition.to(), transition.reason() + " (local, store unavailable)");
		}
	}

	View view() {
		return this.view.get();
	}

	SharedStore store() {
		return this.store;
	}

	@Override
	public CircuitBreakerMetrics metrics() {
		View current = this.view.get();
		CircuitBreakerMetrics own = this.local.metrics();
		long rejected = own.notPermittedCalls() + this.notPermitted.sum();
		if (current.mode != View.Mode.SHARED) {
			return new CircuitBreakerMetrics(own.failureRate(), own.slowCallRate(), own.bufferedCalls(),
					own.failedCalls(), own.slowCalls(), own.successfulCalls(), own.failedCallsTotal(),
					own.ignoredCalls(), rejected, own.slowCallsTotal());
		}
		ClusterState window = this.lastWindow;
		long calls = Math.max(window.windowCalls(), 0);
		long minimum = (current.cluster.state() == State.HALF_OPEN)
				? this.config.permittedNumberOfCallsInHalfOpenState() : this.config.effectiveMinimumNumberOfCalls();
		boolean enough = calls > 0 && calls >= minimum;
		float failureRate = enough ? window.windowFailures() * 100f / calls : -1f;
		float slowRate = enough ? window.windowSlowCalls() * 100f / calls : -1f;
		return new CircuitBreakerMetrics(failureRate, slowRate, calls, window.windowFailures(),
				window.windowSlowCalls(), own.successfulCalls(), own.failedCallsTotal(), own.ignoredCalls(), rejected,
				own.slowCallsTotal());
	}

	@Override
	public List<StateTransition> transitions() {
		return this.history.recent();
	}

	@Override
	public void addTransitionListener(Consumer<? super StateTransition> listener) {
		this.history.add(listener);
	}

	@Override
	public void removeTransitionListener(Consumer<? super StateTransition> listener) {
		this.history.remove(listener);
	}

	@Override
	public String toString() {
		return "SharedCircuitBreaker[" + this.name + ", " + state() + "]";
	}

}
