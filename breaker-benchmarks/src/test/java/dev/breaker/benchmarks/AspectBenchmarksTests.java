/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestInstance.Lifecycle;

import org.springframework.aop.support.AopUtils;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the aspect benchmarks call what they claim: proxied beans whose advice
 * guards the call, an unproxied baseline, and tripped breakers behind the rejected ones.
 */
@TestInstance(Lifecycle.PER_CLASS)
class AspectBenchmarksTests {

	private final AspectBenchmarks benchmarks = new AspectBenchmarks();

	@BeforeAll
	void setUp() {
		this.benchmarks.setUp();
	}

	@AfterAll
	void tearDown() {
		this.benchmarks.tearDown();
	}

	@Test
	void everyBenchmarkReturnsTheResultOrItsLibrarysRejection() {
		Map<String, Object> results = BenchmarkMethods.invokeAll(this.benchmarks, 200);
		assertThat(results).hasSize(7);
		assertThat(results).containsEntry("unproxied", Downstream.RESULT)
			.containsEntry("passThroughAdvisor", Downstream.RESULT)
			.containsEntry("breaker", Downstream.RESULT)
			.containsEntry("resilience4j", Downstream.RESULT);
		assertThat(results.get("breakerRejected")).isInstanceOf(CallNotPermittedException.class);
		assertThat(results.get("resilience4jRejected"))
			.isInstanceOf(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class);
		assertThat(((Throwable) results.get("resilience4jRejected")).getStackTrace()).isNotEmpty();
		assertThat(((Throwable) results.get("resilience4jStacklessRejected")).getStackTrace()).isEmpty();
	}

	@Test
	void guardedBeansAreProxiesAndTheBaselineIsNot() {
		assertThat(AopUtils.isAopProxy(this.benchmarks.guarded)).isTrue();
		assertThat(AopUtils.isAopProxy(this.benchmarks.resilience4j)).isTrue();
		assertThat(AopUtils.isAopProxy(this.benchmarks.passThrough)).isTrue();
		assertThat(AopUtils.isAopProxy(this.benchmarks.unproxied)).isFalse();
	}

	@Test
	void successfulCallsAreRecordedByTheBreakerTheAnnotationNames() {
		CircuitBreaker breaker = this.benchmarks.breakerContext.getBean(CircuitBreakerRegistry.class)
			.breaker(AspectApplication.SUCCEEDING);
		io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j = this.benchmarks.resilience4jContext
			.getBean(io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry.class)
			.circuitBreaker(AspectApplication.SUCCEEDING);
		long before = breaker.metrics().successfulCalls();
		AtomicInteger resilience4jSuccesses = new AtomicInteger();
		resilience4j.getEventPublisher().onSuccess((event) -> resilience4jSuccesses.incrementAndGet());
		for (int i = 0; i < 10; i++) {
			this.benchmarks.breaker();
			this.benchmarks.resilience4j();
		}
		assertThat(breaker.metrics().successfulCalls()).isEqualTo(before + 10);
		assertThat(resilience4jSuccesses).hasValue(10);
	}

}
