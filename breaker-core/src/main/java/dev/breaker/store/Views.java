/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.State;
import dev.breaker.StateTransition;
import dev.breaker.internal.LocalCircuitBreaker;
import dev.breaker.internal.TransitionLog;

/**
 * The current {@link View} of one shared breaker and the changes to it, each published
 * once as a transition.
 */
final class Views {

	/*
	 * Implementation notes
	 *
	 * Possible changes of the view (each a compareAndSet; side effects only after
	 * winning):
	 *
	 * SHARED(e) -> SHARED(e' > e) (a sync reply or a message carries a newer epoch)
	 * SHARED(e) -> SHARED(e, provisional) (a manual transition, until the store confirms)
	 * SHARED -> LOCAL | FAIL_OPEN | FAIL_CLOSED (the store went down) -> SHARED (a sync
	 * succeeded again)
	 *
	 * Replies (store thread) and messages (backend thread) race; both only move to a
	 * newer epoch, so the order in which they arrive does not matter. Only the store
	 * thread switches modes, so a message can never undo a store-down switch.
	 */

	private final SharedCircuitBreaker breaker;

	private final LocalCircuitBreaker local;

	private final AtomicReference<View> view;

	private final TransitionLog history = new TransitionLog();

	private volatile ClusterState lastWindow;

	Views(SharedCircuitBreaker breaker, LocalCircuitBreaker local) {
		this.breaker = breaker;
		this.local = local;
		ClusterState initial = ClusterState.initial(breaker.name());
		this.lastWindow = initial;
		this.view = new AtomicReference<>(new View(0, View.Mode.SHARED, initial, 0, breaker));
		local.addTransitionListener(this::onLocalTransition);
	}

	View current() {
		return this.view.get();
	}

	TransitionLog history() {
		return this.history;
	}

	/**
	 * Adopt a shared state if it is newer than the one held, or if the store just came
	 * back.
	 * @param state the shared state
	 * @param fromSync whether it is the reply of this instance's own sync
	 * @param granted how many trial leases the reply granted
	 */
	void adopt(ClusterState state, boolean fromSync, int granted) {
		if (state.hasWindow()) {
			this.lastWindow = state;
		}
		for (;;) {
			View current = this.view.get();
			boolean recovering = current.mode != View.Mode.SHARED;
			if ((recovering && !fromSync) || (!recovering && state.epoch() < current.cluster.epoch())) {
				return;
			}
			if (!recovering && state.epoch() == current.cluster.epoch()) {
				if (fromSync && current.cluster.state() == state.state()) {
					current.tokens.addAndGet(granted);
					return;
				}
				// Another state at the same epoch: a provisional manual transition waits
				// for its own sync; otherwise the store's reply wins (seeding races).
				if (!fromSync || current.provisional()) {
					return;
				}
			}
			long openUntil = this.breaker.ticker().read() + state.openRemainingMillis() * 1_000_000;
			View next = new View(current.seq + 1, View.Mode.SHARED, state, openUntil, this.breaker);
			next.tokens.set(granted);
			if (this.view.compareAndSet(current, next)) {
				boolean consecutive = state.epoch() == current.cluster.epoch() + 1 && !recovering;
				State from = consecutive ? state.from() : shown(current);
				publish(from, state.state(), recovering ? "shared state adopted: " + state.reason() : state.reason());
				return;
			}
		}
	}

	/**
	 * Show a manual transition at once, at the same epoch, until the store confirms it.
	 * @param target the state asked for
	 * @return {@code false} if the store is down and the local breaker decides
	 */
	boolean provisional(State target) {
		for (;;) {
			View current = this.view.get();
			if (current.mode != View.Mode.SHARED) {
				return false;
			}
			ClusterState c = current.cluster;
			ClusterState provisional = new ClusterState(c.name(), c.epoch(), target, c.state(),
					"manual transition (pending)", 0, 0, c.windowCalls(), c.windowFailures(), c.windowSlowCalls(),
					List.of());
			if (this.view.compareAndSet(current, new View(current.seq + 1, View.Mode.SHARED, provisional,
					current.confirmed, current.openUntilNanos, this.breaker))) {
				return true;
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
			View down = new View(current.seq + 1, next, current.confirmed, current.openUntilNanos, this.breaker);
			if (this.view.compareAndSet(current, down)) {
				publish(current.cluster.state(), shown(down), "shared state store unavailable (on-store-failure: "
						+ mode.name().toLowerCase().replace('_', '-') + ")");
				return;
			}
		}
	}

	/**
	 * The metrics: the shared window while the store is up, the local one otherwise;
	 * cumulative counts are always this instance's own.
	 * @param own the local breaker's metrics
	 * @param rejected calls rejected on this instance
	 * @param config the breaker configuration
	 * @return the metrics
	 */
	CircuitBreakerMetrics metrics(CircuitBreakerMetrics own, long rejected, CircuitBreakerConfig config) {
		View current = this.view.get();
		if (current.mode != View.Mode.SHARED) {
			return new CircuitBreakerMetrics(own.failureRate(), own.slowCallRate(), own.bufferedCalls(),
					own.failedCalls(), own.slowCalls(), own.successfulCalls(), own.failedCallsTotal(),
					own.ignoredCalls(), rejected, own.slowCallsTotal());
		}
		ClusterState window = this.lastWindow;
		long calls = Math.max(window.windowCalls(), 0);
		long minimum = (current.cluster.state() == State.HALF_OPEN) ? config.permittedNumberOfCallsInHalfOpenState()
				: config.effectiveMinimumNumberOfCalls();
		boolean enough = calls > 0 && calls >= minimum;
		float failureRate = enough ? window.windowFailures() * 100f / calls : -1f;
		float slowRate = enough ? window.windowSlowCalls() * 100f / calls : -1f;
		return new CircuitBreakerMetrics(failureRate, slowRate, calls, window.windowFailures(),
				window.windowSlowCalls(), own.successfulCalls(), own.failedCallsTotal(), own.ignoredCalls(), rejected,
				own.slowCallsTotal());
	}

	State shown(View view) {
		State shown = view.shownState();
		return (shown != null) ? shown : this.local.state();
	}

	private void publish(State from, State to, String reason) {
		if (from != to) {
			this.history.publish(new StateTransition(this.breaker.name(), from, to, reason, Instant.now()));
		}
	}

	private void onLocalTransition(StateTransition transition) {
		if (this.view.get().mode == View.Mode.LOCAL) {
			publish(transition.from(), transition.to(), transition.reason() + " (local, store unavailable)");
		}
	}

}
