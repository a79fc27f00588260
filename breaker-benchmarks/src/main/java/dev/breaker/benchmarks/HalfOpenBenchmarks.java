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

/**
 * Admission in HALF_OPEN, on one thread: a trial permit taken and given back (no outcome
 * is recorded, so the breaker stays half-open), and a call rejected because every trial
 * permit is taken. {@link HalfOpenTwoThreadsBenchmarks} runs the same on two threads.
 * Failsafe has no public way to give a permit back, so it takes part in the rejection
 * only.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class HalfOpenBenchmarks {

	Contenders admitting;

	Contenders full;

	@Setup
	public void setUp() {
		this.admitting = new Contenders(Scenario.SHORT_OPEN, Downstream.SUCCEEDING).halfOpenAll();
		this.full = new Contenders(Scenario.SHORT_OPEN, Downstream.SUCCEEDING).halfOpenAll().holdAllTrialPermits();
	}

	@Benchmark
	public long breakerAdmit() {
		long permit = this.admitting.breaker.acquirePermission();
		this.admitting.breaker.onIgnored(permit);
		return permit;
	}

	@Benchmark
	public void resilience4jAdmit() {
		this.admitting.resilience4j.acquirePermission();
		this.admitting.resilience4j.releasePermission();
	}

	@Benchmark
	public Object breakerReject() {
		try {
			return this.full.breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			return ex;
		}
	}

	/** Resilience4j as configured by default: each rejection fills in a stack trace. */
	@Benchmark
	public Object resilience4jReject() {
		try {
			this.full.resilience4j.acquirePermission();
			return null;
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

	@Benchmark
	public Object resilience4jStacklessReject() {
		try {
			this.full.resilience4jStackless.acquirePermission();
			return null;
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

	/** Failsafe on its own: a refused permit is a {@code false}, not an exception. */
	@Benchmark
	public boolean failsafeStandaloneReject() {
		return this.full.failsafe.tryAcquirePermit();
	}

}
