/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

import dev.breaker.State;

/**
 * The store thread's bookkeeping for one shared breaker: the trial leases it holds, a
 * pending manual transition, and the drain of the current view into a
 * {@link SyncRequest}.
 */
final class SyncBook {

	/*
	 * Implementation notes
	 *
	 * Only the store thread calls prepare() and granted(), so the lease lists need no
	 * synchronization; callers see only the view's token counter. Leases are fungible
	 * within an instance: a completed trial call releases any one of them. Leases of an
	 * epoch that is no longer current are released at the next sync; the store drops them
	 * anyway when the state changes.
	 */

	private static final int IDLE_SYNCS = 3;

	private final SharedCircuitBreaker breaker;

	private final AtomicReference<String> manual = new AtomicReference<>();

	private final List<String> leases = new ArrayList<>();

	private final List<String> stale = new ArrayList<>();

	private long leaseEpoch = -1;

	private int idleSyncs;

	SyncBook(SharedCircuitBreaker breaker) {
		this.breaker = breaker;
	}

	// Sent as "COMMAND#id": the id lets the store skip a command it already applied when
	// a sync ran but its reply was lost, so a re-send cannot undo a later trip.
	void manual(String command) {
		this.manual.set(command + "#" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
	}

	String pendingManual() {
		String pending = this.manual.get();
		return (pending != null) ? pending.substring(0, pending.indexOf('#')) : null;
	}

	/**
	 * Drain the current view into a request.
	 * @param nowNanos the breaker's ticker now
	 * @return the request for the next sync
	 */
	SyncRequest prepare(long nowNanos) {
		View view = this.breaker.view();
		ClusterState c = view.confirmed;
		long remaining = (c.state() == State.OPEN) ? Math.max(0, (view.openUntilNanos - nowNanos) / 1_000_000) : 0;
		ClusterState known = new ClusterState(c.name(), c.epoch(), c.state(), c.from(), c.reason(), remaining,
				c.attempt(), -1, 0, 0, List.of());
		List<String> done = new ArrayList<>(this.stale);
		this.stale.clear();
		long counts = 0;
		long trials = 0;
		boolean broken = false;
		long streak = 0;
		int wanted = 0;
		boolean shared = view.mode == View.Mode.SHARED;
		if (shared) {
			counts = view.tally.drainCounts();
			if (this.breaker.trackStreak) {
				broken = view.tally.drainBroken();
				streak = view.tally.drainStreak();
			}
			trials = view.trials.drainCounts();
			wanted = Math.min(view.demand.getAndSet(0), this.breaker.config().permittedNumberOfCallsInHalfOpenState());
			view.nudged.set(false);
		}
		if (!shared || this.leaseEpoch != c.epoch()) {
			done.addAll(this.leases);
			this.leases.clear();
		}
		else {
			long completed = Tally.calls(trials);
			release(done, completed);
			// Leases nobody here uses for a few syncs go back, for other instances to
			// use.
			boolean idle = wanted == 0 && completed == 0 && view.tokens.get() > 0;
			this.idleSyncs = idle ? this.idleSyncs + 1 : 0;
			if (this.idleSyncs >= IDLE_SYNCS) {
				release(done, view.tokens.getAndSet(0));
				this.idleSyncs = 0;
			}
		}
		return new SyncRequest(this.breaker.name(), this.breaker.config(), known, Tally.calls(counts),
				Tally.failures(counts), Tally.slowCalls(counts), broken, streak, wanted, Tally.calls(trials),
				Tally.failures(trials), Tally.slowCalls(trials), done, this.leases, this.manual.get());
	}

	private void release(List<String> done, long count) {
		for (long i = 0; i < count && !this.leases.isEmpty(); i++) {
			done.add(this.leases.remove(this.leases.size() - 1));
		}
	}

	/**
	 * The store applied the request: a manual transition it carried is done.
	 * @param sent the request
	 */
	void acknowledge(SyncRequest sent) {
		if (sent.manual() != null) {
			this.manual.compareAndSet(sent.manual(), null);
		}
	}

	/**
	 * Take the leases a sync reply granted.
	 * @param reply the reply
	 * @return how many were granted
	 */
	int granted(ClusterState reply) {
		List<String> granted = reply.grantedLeases();
		if (granted.isEmpty()) {
			return 0;
		}
		if (this.leaseEpoch != reply.epoch()) {
			this.stale.addAll(this.leases);
			this.leases.clear();
			this.leaseEpoch = reply.epoch();
		}
		this.leases.addAll(granted);
		return granted.size();
	}

}
