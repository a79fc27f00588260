/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Starts the same task on several threads at once (behind a barrier, so that they really
 * race) and waits for all of them, failing on the first error or after a timeout.
 */
final class Racer {

	private final ExecutorService executor;

	private final int threads;

	Racer(ExecutorService executor, int threads) {
		this.executor = executor;
		this.threads = threads;
	}

	void race(Task task) throws Exception {
		await(start(task));
	}

	List<Future<?>> start(Task task) {
		CyclicBarrier barrier = new CyclicBarrier(this.threads);
		List<Future<?>> futures = new ArrayList<>();
		for (int t = 0; t < this.threads; t++) {
			int thread = t;
			futures.add(this.executor.submit(() -> {
				barrier.await();
				task.run(thread);
				return null;
			}));
		}
		return futures;
	}

	void await(List<Future<?>> futures) throws Exception {
		for (Future<?> future : futures) {
			future.get(30, TimeUnit.SECONDS);
		}
	}

	/** The work of one thread. */
	@FunctionalInterface
	interface Task {

		void run(int thread) throws Exception;

	}

}
