/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

/**
 * The permit of a shared breaker: one {@code long} that carries the hidden local
 * breaker's permit (bits 0-31, plus one so that zero means none), the sequence number of
 * the view that admitted the call (bits 32-61), and whether it is a half-open trial (bit
 * 62). It is never negative.
 */
final class Permits {

	private static final long TRIAL = 1L << 62;

	private static final long LOCAL_MASK = 0xFFFFFFFFL;

	private Permits() {
	}

	static long of(View view, long localPermit, boolean trial) {
		return (trial ? TRIAL : 0) | ((long) view.seq << 32) | ((localPermit + 1) & LOCAL_MASK);
	}

	/**
	 * The local breaker's permit.
	 * @param permit the shared permit
	 * @return the local permit, {@code -1} if the local breaker did not admit the call
	 * (its outcome then only counts in the local totals)
	 */
	static long local(long permit) {
		return (permit & LOCAL_MASK) - 1;
	}

	static int seq(long permit) {
		return (int) ((permit >>> 32) & ((1L << View.SEQ_BITS) - 1));
	}

	static boolean trial(long permit) {
		return (permit & TRIAL) != 0;
	}

}
