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

/**
 * A successful call through a CLOSED breaker, on a count window and on a time window, on
 * one thread; {@link ClosedSuccessTwoThreadsBenchmarks} runs the same on two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class ClosedSuccessBenchmarks {

	Contenders count;

	Contenders time;

	Contenders frozen;

	Contenders everyCallCounted;

	@Setup
	public void setUp() {
		this.count = new Contenders(Scenario.COUNT_WINDOW, Downstream.SUCCEEDING);
		this.time = new Contenders(Scenario.TIME_WINDOW, Downstream.SUCCEEDING);
		this.frozen = new Contenders(Scenario.FROZEN_CLOCK, Downstream.SUCCEEDING);
		this.everyCallCounted = new Contenders(Scenario.TIME_WINDOW_EVERY_CALL_COUNTED, Downstream.SUCCEEDING);
	}

	/** The work alone: what every other benchmark adds to. */
	@Benchmark
	public Integer bare() throws Exception {
		return Downstream.SUCCEEDING.call();
	}

	@Benchmark
	public Integer breakerCountWindow() throws Exception {
		return this.count.breaker.call(Downstream.SUCCEEDING);
	}

	@Benchmark
	public Integer resilience4jCountWindow() throws Exception {
		return this.count.resilience4jCall.call();
	}

	@Benchmark
	public Integer resilience4jLockFreeCountWindow() throws Exception {
		return this.count.resilience4jLockFreeCall.call();
	}

	@Benchmark
	public Integer failsafeCountWindow() {
		return this.count.failsafeExecutor.get(this.count.failsafeWork);
	}

	@Benchmark
	public Object failsafeStandaloneCountWindow() throws Exception {
		return this.count.failsafeStandalone();
	}

	@Benchmark
	public Integer breakerTimeWindow() throws Exception {
		return this.time.breaker.call(Downstream.SUCCEEDING);
	}

	@Benchmark
	public Integer resilience4jTimeWindow() throws Exception {
		return this.time.resilience4jCall.call();
	}

	@Benchmark
	public Integer resilience4jLockFreeTimeWindow() throws Exception {
		return this.time.resilience4jLockFreeCall.call();
	}

	@Benchmark
	public Integer failsafeTimeWindow() {
		return this.time.failsafeExecutor.get(this.time.failsafeWork);
	}

	@Benchmark
	public Object failsafeStandaloneTimeWindow() throws Exception {
		return this.time.failsafeStandalone();
	}

	@Benchmark
	public Integer breakerTimeWindowEveryCallCounted() throws Exception {
		return this.everyCallCounted.breaker.call(Downstream.SUCCEEDING);
	}

	/** The breaker alone: the clock always reads zero. */
	@Benchmark
	public Integer breakerFrozenClock() throws Exception {
		return this.frozen.breaker.call(Downstream.SUCCEEDING);
	}

	/** Resilience4j alone: its timestamp function always returns zero. */
	@Benchmark
	public Integer resilience4jFrozenClock() throws Exception {
		return this.frozen.resilience4jCall.call();
	}

}
