/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import dev.breaker.Ticker;

/**
 * The calls of the last N seconds: a ring of one-second buckets with running totals.
 */
final class TimeWindow implements SlidingWindow {

	/*
	 * Implementation notes
	 *
	 * Each slot holds the bucket of one epoch second. A recorder that finds an older
	 * bucket in its slot replaces it with compareAndSet; the winner retires the old one:
	 * it seals it (sets the sign bit of its packed counts) and subtracts what the bucket
	 * held at that moment from the totals. A recorder adds to a bucket by CAS only while
	 * it is unsealed, and only then to the totals, so every call is added and subtracted
	 * exactly once. Readers sweep buckets that slid out without being replaced, at most
	 * once per second (a CAS on sweptSecond elects the sweeper). The three totals are
	 * separate counters: a reader may see one call's failure before its call count, which
	 * skews a rate by one call in flight at most. A retire subtracts a whole bucket, so
	 * it subtracts failures and slow calls before calls: a reader that overlaps it
	 * (readers read calls first) sees a lower rate, never a bucket's failures without its
	 * calls. A bucket holds up to Totals.MAX calls; calls beyond that in one second are
	 * not recorded. Allocation: one bucket per slot per second, none per call.
	 */

	private static final long NANOS_PER_SECOND = 1_000_000_000L;

	private final int size;

	private final AtomicReferenceArray<Bucket> slots;

	private final AtomicLong calls = new AtomicLong();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong slowCalls = new AtomicLong();

	private final Ticker ticker;

	private final AtomicLong sweptSecond;

	TimeWindow(int size, Ticker ticker) {
		this.size = size;
		this.ticker = ticker;
		this.slots = new AtomicReferenceArray<>(size);
		this.sweptSecond = new AtomicLong(second(ticker.read()));
	}

	@Override
	public void record(boolean failure, boolean slow) {
		long second = second(this.ticker.read());
		int index = (int) Math.floorMod(second, (long) this.size);
		long delta = Totals.delta(failure, slow);
		for (;;) {
			Bucket bucket = this.slots.get(index);
			if (bucket == null || bucket.second < second) {
				Bucket fresh = new Bucket(second);
				if (this.slots.compareAndSet(index, bucket, fresh)) {
					retire(bucket);
				}
				continue;
			}
			int added = bucket.add(delta);
			if (added > 0) {
				this.calls.incrementAndGet();
				if (failure) {
					this.failures.incrementAndGet();
				}
				if (slow) {
					this.slowCalls.incrementAndGet();
				}
				return;
			}
			if (added == 0) {
				return; // bucket full
			}
			// sealed by a replacer: read the slot again
		}
	}

	@Override
	public long calls() {
		long second = second(this.ticker.read());
		long swept = this.sweptSecond.get();
		if (second > swept && this.sweptSecond.compareAndSet(swept, second)) {
			sweep(second);
		}
		return this.calls.get();
	}

	@Override
	public long failures() {
		return this.failures.get();
	}

	@Override
	public long slowCalls() {
		return this.slowCalls.get();
	}

	private void sweep(long second) {
		for (int i = 0; i < this.size; i++) {
			Bucket bucket = this.slots.get(i);
			if (bucket != null && bucket.second <= second - this.size && this.slots.compareAndSet(i, bucket, null)) {
				retire(bucket);
			}
		}
	}

	private void retire(Bucket bucket) {
		if (bucket == null) {
			return;
		}
		long counts = bucket.seal();
		// Failures and slow calls go first: readers read calls first, so a read that
		// overlaps a retire sees too many calls (a lower rate), never too few.
		this.failures.addAndGet(-Totals.failures(counts));
		this.slowCalls.addAndGet(-Totals.slow(counts));
		this.calls.addAndGet(-Totals.calls(counts));
	}

	private static long second(long nowNanos) {
		return Math.floorDiv(nowNanos, NANOS_PER_SECOND);
	}

	/**
	 * The counts of one second; the sign bit marks a retired bucket.
	 */
	private static final class Bucket extends AtomicLong {

		private static final long serialVersionUID = 1L;

		private static final long SEALED = Long.MIN_VALUE;

		final long second;

		Bucket(long second) {
			this.second = second;
		}

		/** Returns 1 if added, 0 if the bucket is full, -1 if it is sealed. */
		int add(long delta) {
			for (;;) {
				long counts = get();
				if ((counts & SEALED) != 0) {
					return -1;
				}
				if (Totals.calls(counts) >= Totals.MAX) {
					return 0;
				}
				if (compareAndSet(counts, counts + delta)) {
					return 1;
				}
			}
		}

		/** Seals the bucket and returns its final counts. */
		long seal() {
			for (;;) {
				long counts = get();
				if (compareAndSet(counts, counts | SEALED)) {
					return counts;
				}
			}
		}

	}

}
