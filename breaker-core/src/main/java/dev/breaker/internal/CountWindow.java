/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The last N calls: a ring of outcome codes with running totals.
 */
final class CountWindow implements SlidingWindow {

	/*
	 * Implementation notes
	 *
	 * A recorder claims a slot with getAndIncrement on the cursor, swaps its code into
	 * the slot with getAndSet, and adds the difference between its code and the code it
	 * displaced to the packed totals. Every code is thus added once and subtracted once
	 * (by whoever displaces it), so the totals are exact once the recorders in flight
	 * have finished. Races and why they are harmless: two recorders whose cursors are N
	 * apart swap into the same slot in either order -- each subtracts what it actually
	 * displaced; a reader between a recorder's swap and its add sees totals off by that
	 * one call. The success path displacing a success changes no totals and skips the
	 * add: one getAndIncrement and one getAndSet, no allocation.
	 */

	private static final int EMPTY = 0;

	private static final int PRESENT = 1;

	private static final int FAILURE = 2;

	private static final int SLOW = 4;

	private final int size;

	private final AtomicIntegerArray ring;

	private final AtomicLong cursor = new AtomicLong();

	private final AtomicLong totals = new AtomicLong();

	CountWindow(int size) {
		this.size = size;
		this.ring = new AtomicIntegerArray(size);
	}

	@Override
	public void record(boolean failure, boolean slow) {
		int code = PRESENT | (failure ? FAILURE : 0) | (slow ? SLOW : 0);
		int slot = (int) (this.cursor.getAndIncrement() % this.size);
		int displaced = this.ring.getAndSet(slot, code);
		if (displaced != code) {
			this.totals.addAndGet(weight(code) - weight(displaced));
		}
	}

	@Override
	public long calls() {
		return Totals.calls(this.totals.get());
	}

	@Override
	public long failures() {
		return Totals.failures(this.totals.get());
	}

	@Override
	public long slowCalls() {
		return Totals.slow(this.totals.get());
	}

	private static long weight(int code) {
		if (code == EMPTY) {
			return 0;
		}
		return Totals.delta((code & FAILURE) != 0, (code & SLOW) != 0);
	}

}
