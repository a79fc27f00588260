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

import dev.breaker.CallNotPermittedException;
import dev.failsafe.CircuitBreakerOpenException;

/**
 * A call rejected by an OPEN breaker (tripped by failures, open for an hour), on one
 * thread; {@link OpenRejectionTwoThreadsBenchmarks} runs the same on two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class OpenRejectionBenchmarks {

	Contenders contenders;

	@Setup
	public void setUp() {
		this.contenders = new Contenders(Scenario.LONG_OPEN, Downstream.SUCCEEDING).tripAll();
	}

	@Benchmark
	public Object breaker() throws Exception {
		try {
			return this.contenders.breaker.call(Downstream.SUCCEEDING);
		}
		catch (CallNotPermittedException ex) {
			return ex;
		}
	}

	/** Resilience4j as configured by default: each rejection fills in a stack trace. */
	@Benchmark
	public Object resilience4j() throws Exception {
		try {
			return this.contenders.resilience4jCall.call();
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

	@Benchmark
	public Object resilience4jStackless() throws Exception {
		try {
			return this.contenders.resilience4jStacklessCall.call();
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

	@Benchmark
	public Object failsafe() {
		try {
			return this.contenders.failsafeExecutor.get(this.contenders.failsafeWork);
		}
		catch (CircuitBreakerOpenException ex) {
			return ex;
		}
	}

	/** Failsafe on its own: a refused permit is a {@code false}, not an exception. */
	@Benchmark
	public Object failsafeStandalone() throws Exception {
		return this.contenders.failsafeStandalone();
	}

}
