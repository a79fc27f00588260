/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.breaker.benchmarks.Downstream.DownstreamException;

/**
 * A failing call recorded by a CLOSED breaker that never trips (its minimum number of
 * calls is out of reach), on one thread; {@link ClosedFailureTwoThreadsBenchmarks} runs
 * the same on two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class ClosedFailureBenchmarks {

	Contenders contenders;

	@Setup
	public void setUp() {
		this.contenders = new Contenders(Scenario.NEVER_TRIPS, Downstream.FAILING);
	}

	/** The failing work alone, thrown and caught. */
	@Benchmark
	public Object bare() {
		try {
			return Downstream.FAILING.call();
		}
		catch (Exception ex) {
			return ex;
		}
	}

	@Benchmark
	public Object breaker() {
		try {
			return this.contenders.breaker.call(Downstream.FAILING);
		}
		catch (Exception ex) {
			return ex;
		}
	}

	@Benchmark
	public Object resilience4j() {
		try {
			return this.contenders.resilience4jCall.call();
		}
		catch (Exception ex) {
			return ex;
		}
	}

	@Benchmark
	public Object failsafe() {
		try {
			return this.contenders.failsafeExecutor.get(this.contenders.failsafeWork);
		}
		catch (DownstreamException ex) {
			return ex;
		}
	}

	@Benchmark
	public Object failsafeStandalone() {
		try {
			return this.contenders.failsafeStandalone();
		}
		catch (Exception ex) {
			return ex;
		}
	}

}
