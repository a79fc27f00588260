/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import dev.breaker.CallNotPermittedException;
import dev.breaker.State;

/**
 * What one instance knows of a shared breaker at one moment: the mode (shared, or one of
 * the store-failure modes), the shared state and its epoch. Immutable except for the
 * counters it owns; a newer view replaces it whole, so outcomes recorded into a replaced
 * view are dropped with it, like a replaced generation of a local breaker.
 */
final class View {

	enum Mode {

		SHARED, LOCAL, FAIL_OPEN, FAIL_CLOSED

	}

	/** Sequence numbers wrap at this many bits inside a permit. */
	static final int SEQ_BITS = 30;

	final int seq;

	final Mode mode;

	final ClusterState cluster;

	/**
	 * The last state the store confirmed: the same as {@link #cluster} unless a manual
	 * transition shows provisionally. Only a confirmed state may re-seed an empty store,
	 * or instances would hold different states at one epoch.
	 */
	final ClusterState confirmed;

	/** For OPEN, the ticker reading at which the store allows a trial. */
	final long openUntilNanos;

	final CallNotPermittedException rejection;

	final Tally tally = new Tally();

	final Tally trials = new Tally();

	/** Trial leases held and not in use by a call. */
	final AtomicInteger tokens = new AtomicInteger();

	/** Calls rejected for want of a trial lease (or after the open deadline). */
	final AtomicInteger demand = new AtomicInteger();

	/** Whether a rejected call already asked the store to sync early in this view. */
	final AtomicBoolean nudged = new AtomicBoolean();

	View(int seq, Mode mode, ClusterState cluster, long openUntilNanos, SharedCircuitBreaker breaker) {
		this(seq, mode, cluster, cluster, openUntilNanos, breaker);
	}

	View(int seq, Mode mode, ClusterState cluster, ClusterState confirmed, long openUntilNanos,
			SharedCircuitBreaker breaker) {
		this.seq = seq & ((1 << SEQ_BITS) - 1);
		this.mode = mode;
		this.cluster = cluster;
		this.confirmed = confirmed;
		this.openUntilNanos = openUntilNanos;
		State shown = (shownState() != null) ? shownState() : State.OPEN;
		this.rejection = new CallNotPermittedException(cluster.name(), shown,
				() -> (shown == State.OPEN) ? this.openUntilNanos - breaker.ticker().read() : 0);
	}

	/**
	 * The state the breaker reports in this view (the local breaker's in local mode).
	 * @return the state, or {@code null} in local mode
	 */
	boolean provisional() {
		return this.confirmed != this.cluster;
	}

	State shownState() {
		switch (this.mode) {
			case SHARED:
				return this.cluster.state();
			case FAIL_OPEN:
				return State.DISABLED;
			case FAIL_CLOSED:
				return State.FORCED_OPEN;
			default:
				return null;
		}
	}

}
