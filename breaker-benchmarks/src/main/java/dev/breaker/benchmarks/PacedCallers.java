/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.breaker.CircuitBreaker;

/**
 * One thread per breaker calling the downstream through it at a steady rate, as the
 * traffic of one application instance.
 */
final class PacedCallers implements AutoCloseable {

	private static final long SLOT_NANOS = 1_000_000L;

	private final List<Thread> threads = new ArrayList<>();

	private final LongAdder calls = new LongAdder();

	private volatile boolean running = true;

	/**
	 * Start calling.
	 * @param breakers one breaker per instance
	 * @param callsPerSecond the rate of each instance, a multiple of 1000
	 * @param downstream the guarded work
	 */
	PacedCallers(List<CircuitBreaker> breakers, int callsPerSecond, Callable<Integer> downstream) {
		int perSlot = Math.max(1, callsPerSecond / 1000);
		for (CircuitBreaker breaker : breakers) {
			Thread thread = new Thread(() -> call(breaker, perSlot, downstream), "caller-" + this.threads.size());
			thread.setDaemon(true);
			this.threads.add(thread);
		}
		this.threads.forEach(Thread::start);
	}

	// Calls in one-millisecond slots on an absolute schedule, so that a late slot is
	// caught up and the average rate holds.
	private void call(CircuitBreaker breaker, int perSlot, Callable<Integer> downstream) {
		long next = System.nanoTime();
		while (this.running) {
			for (int i = 0; i < perSlot; i++) {
				this.calls.increment();
				try {
					breaker.call(downstream);
				}
				catch (Exception expected) {
					// a failure of the dead downstream, or a rejection
				}
			}
			next += SLOT_NANOS;
			long wait = next - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
		}
	}

	/**
	 * How many calls were made so far.
	 * @return the number of calls
	 */
	long calls() {
		return this.calls.sum();
	}

	@Override
	public void close() {
		this.running = false;
		for (Thread thread : this.threads) {
			try {
				thread.join();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

}
