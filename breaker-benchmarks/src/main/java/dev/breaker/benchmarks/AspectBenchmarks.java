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

import org.springframework.context.ConfigurableApplicationContext;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.benchmarks.AspectApplication.GuardedQuotes;
import dev.breaker.benchmarks.AspectApplication.PassThroughQuotes;
import dev.breaker.benchmarks.AspectApplication.Quotes;
import dev.breaker.benchmarks.AspectApplication.Resilience4jQuotes;

/**
 * An annotated method called through its Spring proxy: {@code @CircuitGuarded} against
 * Resilience4j's {@code @CircuitBreaker} (resilience4j-spring-boot4), a pass-through
 * advisor and the unproxied method; successful and rejected calls.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(1)
public class AspectBenchmarks {

	ConfigurableApplicationContext breakerContext;

	ConfigurableApplicationContext resilience4jContext;

	Quotes unproxied;

	PassThroughQuotes passThrough;

	GuardedQuotes guarded;

	Resilience4jQuotes resilience4j;

	@Setup
	public void setUp() {
		this.breakerContext = AspectApplication.startBreaker();
		this.resilience4jContext = AspectApplication.startResilience4j();
		this.unproxied = new Quotes();
		this.passThrough = this.breakerContext.getBean(PassThroughQuotes.class);
		this.guarded = this.breakerContext.getBean(GuardedQuotes.class);
		this.resilience4j = this.resilience4jContext.getBean(Resilience4jQuotes.class);
		Contenders.trip(this.breakerContext.getBean(CircuitBreakerRegistry.class).breaker(AspectApplication.REJECTING));
		io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry registry = this.resilience4jContext
			.getBean(io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.class);
		Contenders.trip(registry.circuitBreaker(AspectApplication.REJECTING));
		Contenders.trip(registry.circuitBreaker(AspectApplication.REJECTING_STACKLESS));
	}

	@TearDown
	public void tearDown() {
		this.breakerContext.close();
		this.resilience4jContext.close();
	}

	@Benchmark
	public Integer unproxied() {
		return this.unproxied.quote();
	}

	@Benchmark
	public Integer passThroughAdvisor() {
		return this.passThrough.quote();
	}

	@Benchmark
	public Integer breaker() {
		return this.guarded.quote();
	}

	@Benchmark
	public Integer resilience4j() {
		return this.resilience4j.quote();
	}

	@Benchmark
	public Object breakerRejected() {
		try {
			return this.guarded.rejectedQuote();
		}
		catch (CallNotPermittedException ex) {
			return ex;
		}
	}

	/** Resilience4j as configured by default: each rejection fills in a stack trace. */
	@Benchmark
	public Object resilience4jRejected() {
		try {
			return this.resilience4j.rejectedQuote();
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

	@Benchmark
	public Object resilience4jStacklessRejected() {
		try {
			return this.resilience4j.stacklessRejectedQuote();
		}
		catch (io.github.resilience4j.circuitbreaker.CallNotPermittedException ex) {
			return ex;
		}
	}

}
