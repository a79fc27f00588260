/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

/**
 * Packs three call counts into one {@code long} so that they are read and updated with
 * one atomic operation: calls in bits 0-20, failures in bits 21-41, slow calls in bits
 * 42-62. Each field holds up to {@link #MAX}. Fields are added with plain {@code long}
 * arithmetic, so a transiently negative field borrows from the next one; decoding undoes
 * the borrow as long as each true value lies in {@code -MAX..MAX}.
 */
final class Totals {

	static final int BITS = 21;

	static final long MAX = (1L << (BITS - 1)) - 1;

	private static final long MASK = (1L << BITS) - 1;

	static final long CALL = 1L;

	static final long FAILURE = 1L << BITS;

	static final long SLOW = 1L << (2 * BITS);

	private Totals() {
	}

	static long of(long calls, long failures, long slow) {
		return calls * CALL + failures * FAILURE + slow * SLOW;
	}

	static long delta(boolean failure, boolean slow) {
		return CALL + (failure ? FAILURE : 0) + (slow ? SLOW : 0);
	}

	static long calls(long totals) {
		return field(totals, 0);
	}

	static long failures(long totals) {
		return field(totals - calls(totals), BITS);
	}

	static long slow(long totals) {
		long rest = totals - calls(totals);
		return field(rest - failures(totals) * FAILURE, 2 * BITS);
	}

	// Sign-extends the field at the shift, so that a negative field decodes as negative.
	private static long field(long totals, int shift) {
		long raw = (totals >> shift) & MASK;
		return (raw << (64 - BITS)) >> (64 - BITS);
	}

}
