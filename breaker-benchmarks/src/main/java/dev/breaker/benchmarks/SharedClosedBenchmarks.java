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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import dev.breaker.CircuitBreaker;

/**
 * A successful call through a CLOSED breaker whose state is shared through Redis (the
 * benchmark's own server, syncing every 100 ms in the background), against the same
 * breaker kept locally, on one thread; {@link SharedClosedTwoThreadsBenchmarks} runs the
 * same on two threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class SharedClosedBenchmarks {

	RedisServer redis;

	SharedInstance instance;

	CircuitBreaker local;

	CircuitBreaker shared;

	@Setup
	public void setUp() {
		this.redis = RedisServer.start();
		this.instance = new SharedInstance(this.redis.port(), "benchmark");
		this.local = CircuitBreaker.of("benchmark", Scenario.COUNT_WINDOW.breaker());
		this.shared = this.instance.breaker("benchmark", Scenario.COUNT_WINDOW.breaker());
	}

	@TearDown
	public void tearDown() {
		this.instance.close();
		this.redis.close();
	}

	@Benchmark
	public Integer local() throws Exception {
		return this.local.call(Downstream.SUCCEEDING);
	}

	@Benchmark
	public Integer shared() throws Exception {
		return this.shared.call(Downstream.SUCCEEDING);
	}

}
