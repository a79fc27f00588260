/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;

/**
 * One round of the simulation: N instances call a healthy downstream, it dies at t0, and
 * the round counts the calls that still reach it until every instance's breaker is open.
 */
final class DeadDownstreamRound {

	private static final long WARM_UP_NANOS = 1_000_000_000L;

	private static final long TIMEOUT_NANOS = 15_000_000_000L;

	private final AtomicLong reachedWhileDead = new AtomicLong();

	private volatile boolean dead;

	/**
	 * The outcome of a round.
	 *
	 * @param reachedAfterDeath calls that reached the dead downstream
	 * @param openedAfterNanos for each instance, nanoseconds from t0 until its breaker
	 * opened
	 * @param allOpened whether every breaker opened before the timeout
	 */
	record Result(long reachedAfterDeath, long[] openedAfterNanos, boolean allOpened) {

		/**
		 * How long after the first instance each other instance opened: the propagation
		 * of the trip.
		 * @return one latency per instance but the first
		 */
		List<Long> propagationNanos() {
			long first = Long.MAX_VALUE;
			for (long opened : this.openedAfterNanos) {
				first = Math.min(first, opened);
			}
			List<Long> latencies = new ArrayList<>();
			boolean skippedFirst = false;
			for (long opened : this.openedAfterNanos) {
				if (opened == first && !skippedFirst) {
					skippedFirst = true;
				}
				else {
					latencies.add(opened - first);
				}
			}
			return latencies;
		}

	}

	private Integer call() {
		if (this.dead) {
			this.reachedWhileDead.incrementAndGet();
			throw Downstream.FAILURE;
		}
		return Downstream.RESULT;
	}

	/**
	 * Run a round.
	 * @param redis the server of shared breakers, {@code null} for local-only breakers
	 * @param instances how many instances
	 * @param callsPerSecond the rate of each instance
	 * @param config the breaker configuration of every instance
	 * @return what happened
	 */
	static Result run(RedisServer redis, int instances, int callsPerSecond, CircuitBreakerConfig config) {
		DeadDownstreamRound round = new DeadDownstreamRound();
		String prefix = "sim-" + UUID.randomUUID().toString().substring(0, 8);
		List<SharedInstance> shared = new ArrayList<>();
		List<CircuitBreaker> breakers = new ArrayList<>();
		AtomicLongArray openedAt = new AtomicLongArray(instances);
		for (int i = 0; i < instances; i++) {
			CircuitBreaker breaker;
			if (redis != null) {
				SharedInstance instance = new SharedInstance(redis.port(), prefix);
				shared.add(instance);
				breaker = instance.breaker("downstream", config);
			}
			else {
				breaker = CircuitBreaker.of("downstream", config);
			}
			int index = i;
			breaker.addTransitionListener((transition) -> {
				if (transition.to() == State.OPEN) {
					openedAt.compareAndSet(index, 0, System.nanoTime());
				}
			});
			breakers.add(breaker);
		}
		try (PacedCallers callers = new PacedCallers(breakers, callsPerSecond, round::call)) {
			LockSupport.parkNanos(WARM_UP_NANOS);
			long t0 = System.nanoTime();
			round.dead = true;
			while (!allOpen(breakers) && System.nanoTime() - t0 < TIMEOUT_NANOS) {
				LockSupport.parkNanos(100_000);
			}
			long reached = round.reachedWhileDead.get();
			// A breaker is OPEN before its listeners hear of it: wait for them too.
			while (!allSet(openedAt) && System.nanoTime() - t0 < TIMEOUT_NANOS) {
				LockSupport.parkNanos(100_000);
			}
			long[] opened = new long[instances];
			for (int i = 0; i < instances; i++) {
				opened[i] = (openedAt.get(i) != 0) ? openedAt.get(i) - t0 : -1;
			}
			return new Result(reached, opened, allOpen(breakers));
		}
		finally {
			shared.forEach(SharedInstance::close);
		}
	}

	private static boolean allSet(AtomicLongArray values) {
		for (int i = 0; i < values.length(); i++) {
			if (values.get(i) == 0) {
				return false;
			}
		}
		return true;
	}

	private static boolean allOpen(List<CircuitBreaker> breakers) {
		for (CircuitBreaker breaker : breakers) {
			if (breaker.state() != State.OPEN) {
				return false;
			}
		}
		return true;
	}

}
