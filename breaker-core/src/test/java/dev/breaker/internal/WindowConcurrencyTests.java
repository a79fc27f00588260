/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.breaker.ManualTicker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency tests for the sliding windows: totals stay exact and readers never see a
 * half-retired bucket.
 */
class WindowConcurrencyTests {

	private static final int THREADS = 4;

	private final ExecutorService executor = Executors.newFixedThreadPool(THREADS + 1);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	// Would catch lost updates in the ring (a plain read-modify-write of the totals, or
	// a slot write that is not a swap): after the concurrent mix, a full ring of plain
	// successes must leave no failure or slow call behind.
	@Test
	void countWindowTotalsStayExactUnderConcurrentRecording() throws Exception {
		int size = 64;
		CountWindow window = new CountWindow(size);
		// enough work per thread that the threads overlap even on a busy machine
		int perThread = 300_000;
		runConcurrently((thread) -> {
			for (int i = 0; i < perThread; i++) {
				window.record((i + thread) % 3 == 0, (i + thread) % 5 == 0);
			}
		});
		assertThat(window.calls()).isEqualTo(size);
		for (int i = 0; i < size; i++) {
			window.record(false, false);
		}
		assertThat(window.calls()).isEqualTo(size);
		assertThat(window.failures()).isZero();
		assertThat(window.slowCalls()).isZero();
	}

	// Would catch a count that is not added exactly once per call while the window is
	// not yet full (e.g. a racy slot claim that lets two recorders share a slot).
	@Test
	void countWindowCountsEveryCallWhileNotFull() throws Exception {
		CountWindow window = new CountWindow(THREADS * 200_000);
		runConcurrently((thread) -> {
			for (int i = 0; i < 200_000; i++) {
				window.record(i % 2 == 0, i % 4 == 0);
			}
		});
		assertThat(window.calls()).isEqualTo(THREADS * 200_000);
		assertThat(window.failures()).isEqualTo(THREADS * 100_000);
		assertThat(window.slowCalls()).isEqualTo(THREADS * 50_000);
	}

	// Would catch a bucket whose calls are added or subtracted twice, or not at all,
	// when recorders, a sweeping reader and the clock race at second boundaries: once
	// everything slid out the totals must be zero, and then count new calls exactly.
	@Test
	void timeWindowTotalsStayExactWhileBucketsAreReplacedAndSwept() throws Exception {
		ManualTicker ticker = new ManualTicker();
		TimeWindow window = new TimeWindow(3, ticker);
		AtomicBoolean done = new AtomicBoolean();
		Future<?> clock = this.executor.submit(() -> {
			while (!done.get()) {
				ticker.advance(Duration.ofMillis(50));
				window.calls();
			}
		});
		runConcurrently((thread) -> {
			for (int i = 0; i < 200_000; i++) {
				window.record(i % 3 == 0, i % 7 == 0);
			}
		});
		done.set(true);
		clock.get(10, TimeUnit.SECONDS);
		ticker.advance(Duration.ofSeconds(3));
		assertThat(window.calls()).isZero();
		assertThat(window.failures()).isZero();
		assertThat(window.slowCalls()).isZero();
		window.record(true, true);
		window.record(false, false);
		assertThat(window.calls()).isEqualTo(2);
		assertThat(window.failures()).isOne();
		assertThat(window.slowCalls()).isOne();
	}

	// Would catch totals updated in an order that lets a reader see a retired bucket's
	// calls gone while its failures still count: a rate made of two different moments,
	// which can trip a healthy breaker. Second 0 holds only failures, second 1 only
	// successes; when second 0 is retired, a reader (which reads calls, then failures)
	// must see either both buckets or only the successes.
	@Test
	void timeWindowReadersNeverSeeAHalfRetiredBucket() throws Exception {
		AtomicReference<TimeWindow> current = new AtomicReference<>();
		AtomicBoolean done = new AtomicBoolean();
		AtomicReference<String> torn = new AtomicReference<>();
		Future<?> reader = this.executor.submit(() -> {
			while (!done.get() && torn.get() == null) {
				TimeWindow window = current.get();
				if (window != null) {
					long calls = window.calls();
					long failures = window.failures();
					if (failures > 0 && calls < 200) {
						torn.set(calls + " calls with " + failures + " failures");
					}
				}
			}
		});
		for (int round = 0; round < 20_000 && torn.get() == null; round++) {
			ManualTicker clock = new ManualTicker();
			TimeWindow window = new TimeWindow(2, clock);
			for (int i = 0; i < 100; i++) {
				window.record(true, false);
			}
			clock.advance(Duration.ofSeconds(1));
			for (int i = 0; i < 100; i++) {
				window.record(false, false);
			}
			current.set(window);
			clock.advance(Duration.ofSeconds(1));
			window.record(false, false);
		}
		done.set(true);
		reader.get(10, TimeUnit.SECONDS);
		assertThat(torn.get()).as("a reader saw a half-retired bucket").isNull();
	}

	private void runConcurrently(ThrowingConsumer task) throws Exception {
		CyclicBarrier start = new CyclicBarrier(THREADS);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < THREADS; t++) {
			int thread = t;
			futures.add(this.executor.submit(() -> {
				start.await();
				task.accept(thread);
				return null;
			}));
		}
		for (Future<?> future : futures) {
			future.get(30, TimeUnit.SECONDS);
		}
	}

	interface ThrowingConsumer {

		void accept(int thread) throws Exception;

	}

}
