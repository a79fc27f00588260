/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outcomes recorded since the last sync, lock-free: calls, failures and slow calls
 * packed in one {@code long} so that the sync drains a consistent triple with one
 * {@code getAndSet}.
 */
final class Tally {

	/*
	 * Implementation notes
	 *
	 * Each field has 21 bits (up to 2,097,151 per sync). A recorder wakes the sync early
	 * when the call field passes half of that, so it never overflows unless a single
	 * breaker takes more than a million calls in one store round trip. The failure streak
	 * is two separate atomics: a success racing with the drain can put one failure into
	 * the wrong sync, which shifts a cluster-wide streak by one call at most.
	 */

	static final int BITS = 21;

	static final long MASK = (1L << BITS) - 1;

	static final long SOON_FULL = 1L << (BITS - 1);

	/** A burst of this many failures in one sync interval is sent at once. */
	static final long BURST = 10;

	private final AtomicLong counts = new AtomicLong();

	private final AtomicLong streak = new AtomicLong();

	private final AtomicBoolean broken = new AtomicBoolean();

	/**
	 * Record one outcome.
	 * @param failure whether the call failed
	 * @param slow whether it was slow
	 * @param trackStreak whether consecutive failures matter for this breaker
	 * @return {@code true} if the tally should be drained soon: nearly full, or a burst
	 * of failures
	 */
	boolean record(boolean failure, boolean slow, boolean trackStreak) {
		long delta = 1 | (failure ? 1L << BITS : 0) | (slow ? 1L << (2 * BITS) : 0);
		long packed = this.counts.addAndGet(delta);
		if (trackStreak) {
			if (failure) {
				this.streak.incrementAndGet();
			}
			else {
				this.streak.set(0);
				this.broken.set(true);
			}
		}
		return (packed & MASK) >= SOON_FULL || (failure && failures(packed) == BURST);
	}

	long drainCounts() {
		return this.counts.getAndSet(0);
	}

	boolean drainBroken() {
		return this.broken.getAndSet(false);
	}

	long drainStreak() {
		return this.streak.getAndSet(0);
	}

	static long calls(long packed) {
		return packed & MASK;
	}

	static long failures(long packed) {
		return (packed >>> BITS) & MASK;
	}

	static long slowCalls(long packed) {
		return (packed >>> (2 * BITS)) & MASK;
	}

}
