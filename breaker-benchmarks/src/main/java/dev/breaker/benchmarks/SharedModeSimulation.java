/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;

/**
 * The shared-mode simulation: N instances in one JVM guard one downstream that dies;
 * shared breakers against local-only ones. Prints Markdown tables. Run with
 * {@code java -cp breaker-benchmarks/target/benchmarks.jar dev.breaker.benchmarks.SharedModeSimulation [rounds] [calls per second per instance]}.
 */
public final class SharedModeSimulation {

	private static final int[] INSTANCES = { 1, 2, 4, 8 };

	private static final int STEADY_CALLS_PER_SECOND = 10_000;

	private static final long STEADY_WARM_UP_NANOS = 2_000_000_000L;

	private static final long STEADY_NANOS = 5_000_000_000L;

	private SharedModeSimulation() {
	}

	public static void main(String[] args) {
		int rounds = (args.length > 0) ? Integer.parseInt(args[0]) : 5;
		int rate = (args.length > 1) ? Integer.parseInt(args[1]) : 1000;
		// The defaults that breaker shares with Resilience4j, open long enough not to
		// half-open during a round.
		CircuitBreakerConfig config = Scenario.COUNT_WINDOW.breaker();
		try (RedisServer redis = RedisServer.start()) {
			DeadDownstreamRound.run(redis, 2, rate, config); // loads Lettuce and Netty
			System.out.printf(Locale.ROOT, "%n### Dead downstream (%d rounds, %d calls/s per instance)%n%n", rounds,
					rate);
			System.out.println("| N | calls reaching it, local-only | calls reaching it, shared | shared / local "
					+ "| all open after, local p50 | all open after, shared p50 | trip propagation p50 / p99 |");
			System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
			for (int n : INSTANCES) {
				deadDownstream(redis, n, rounds, rate, config);
			}
			System.out.printf(Locale.ROOT, "%n### Redis commands at a steady %d calls/s per instance%n%n",
					STEADY_CALLS_PER_SECOND);
			System.out.println("| N | calls/s per instance (achieved) | commands/s per instance | commands/s in all "
					+ "| by command (per second, all instances) |");
			System.out.println("| ---: | ---: | ---: | ---: | --- |");
			for (int n : INSTANCES) {
				steady(redis, n, config);
			}
		}
	}

	private static void deadDownstream(RedisServer redis, int n, int rounds, int rate, CircuitBreakerConfig config) {
		List<Long> local = new ArrayList<>();
		List<Long> shared = new ArrayList<>();
		List<Long> localAllOpen = new ArrayList<>();
		List<Long> sharedAllOpen = new ArrayList<>();
		List<Long> propagation = new ArrayList<>();
		for (int i = 0; i < rounds; i++) {
			DeadDownstreamRound.Result l = DeadDownstreamRound.run(null, n, rate, config);
			DeadDownstreamRound.Result s = DeadDownstreamRound.run(redis, n, rate, config);
			if (!l.allOpened() || !s.allOpened()) {
				throw new IllegalStateException("Not every breaker opened: local "
						+ Arrays.toString(l.openedAfterNanos()) + ", shared " + Arrays.toString(s.openedAfterNanos()));
			}
			local.add(l.reachedAfterDeath());
			shared.add(s.reachedAfterDeath());
			localAllOpen.add(Arrays.stream(l.openedAfterNanos()).max().getAsLong());
			sharedAllOpen.add(Arrays.stream(s.openedAfterNanos()).max().getAsLong());
			propagation.addAll(s.propagationNanos());
		}
		double ratio = (double) percentile(shared, 50) / percentile(local, 50);
		String propagated = propagation.isEmpty() ? "n/a (one instance)"
				: millis(percentile(propagation, 50)) + " / " + millis(percentile(propagation, 99));
		System.out.printf(Locale.ROOT, "| %d | %d | %d | %.2f | %s | %s | %s |%n", n, percentile(local, 50),
				percentile(shared, 50), ratio, millis(percentile(localAllOpen, 50)),
				millis(percentile(sharedAllOpen, 50)), propagated);
	}

	private static void steady(RedisServer redis, int n, CircuitBreakerConfig config) {
		String prefix = "steady-" + UUID.randomUUID().toString().substring(0, 8);
		List<SharedInstance> instances = new ArrayList<>();
		List<CircuitBreaker> breakers = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			SharedInstance instance = new SharedInstance(redis.port(), prefix);
			instances.add(instance);
			breakers.add(instance.breaker("downstream", config));
		}
		try (PacedCallers callers = new PacedCallers(breakers, STEADY_CALLS_PER_SECOND, Downstream.SUCCEEDING)) {
			LockSupport.parkNanos(STEADY_WARM_UP_NANOS);
			redis.resetStats();
			long callsBefore = callers.calls();
			long start = System.nanoTime();
			LockSupport.parkNanos(STEADY_NANOS);
			Map<String, Long> stats = redis.commandStats();
			double seconds = (System.nanoTime() - start) / 1e9;
			double callsPerSecond = (callers.calls() - callsBefore) / seconds / n;
			long total = stats.values().stream().mapToLong(Long::longValue).sum();
			StringBuilder byCommand = new StringBuilder();
			stats.forEach((command, calls) -> byCommand.append((byCommand.length() > 0) ? ", " : "")
				.append(command)
				.append(' ')
				.append(String.format(Locale.ROOT, "%.1f", calls / seconds)));
			System.out.printf(Locale.ROOT, "| %d | %.0f | %.1f | %.1f | %s |%n", n, callsPerSecond, total / seconds / n,
					total / seconds, byCommand);
		}
		finally {
			instances.forEach(SharedInstance::close);
		}
	}

	static long percentile(List<Long> values, int percentile) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
		return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
	}

	private static String millis(long nanos) {
		return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
	}

}
