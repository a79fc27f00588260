/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Callable;

import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Measures, with the JVM's per-thread allocation counter, that the hot paths allocate
 * nothing per call. The bound (under one byte per call on average) is loose enough for
 * the counter's own noise and tight enough to catch a single object per call, which costs
 * at least 16 bytes.
 */
class AllocationTests {

	private static final int WARM_UP = 200_000;

	private static final int CALLS = 100_000;

	private static final Callable<String> RESULT = () -> "result";

	private static final Runnable NOTHING = () -> {
	};

	@Test
	void theClosedSuccessPathOfACountWindowAllocatesNothing() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.of("count", CircuitBreakerConfig.ofDefaults());
		assertThat(bytesPerCall(() -> breaker.call(RESULT))).isLessThan(1.0);
		assertThat(bytesPerCall(() -> breaker.run(NOTHING))).isLessThan(1.0);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void theClosedSuccessPathOfATimeWindowAllocatesNothing() throws Exception {
		// on the system ticker: a new second costs one bucket, not one per call
		CircuitBreaker breaker = CircuitBreaker.of("time",
				CircuitBreakerConfig.builder().slidingWindowType(SlidingWindowType.TIME_BASED).build());
		assertThat(bytesPerCall(() -> breaker.call(RESULT))).isLessThan(1.0);
	}

	@Test
	void thePermitApiAllocatesNothing() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.of("permits", CircuitBreakerConfig.ofDefaults());
		assertThat(bytesPerCall(() -> breaker.onSuccess(breaker.acquirePermission(), 1_000))).isLessThan(1.0);
	}

	@Test
	void aRejectionAllocatesNothing() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.of("open", CircuitBreakerConfig.ofDefaults());
		breaker.transitionTo(State.FORCED_OPEN);
		assertThat(bytesPerCall(() -> {
			try {
				breaker.acquirePermission();
			}
			catch (CallNotPermittedException ex) {
				// the preallocated rejection
			}
		})).isLessThan(1.0);
		assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(WARM_UP + CALLS);
	}

	@Test
	void theMeasurementSeesAnAllocationPerCall() throws Exception {
		// the measurement itself must be able to fail
		Object[] sink = new Object[1];
		assertThat(bytesPerCall(() -> sink[0] = new Object())).isGreaterThanOrEqualTo(16.0);
	}

	private static double bytesPerCall(Task task) throws Exception {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		assertThat(threads.isThreadAllocatedMemorySupported()).isTrue();
		threads.setThreadAllocatedMemoryEnabled(true);
		long thread = Thread.currentThread().getId();
		repeat(task, WARM_UP);
		long before = threads.getThreadAllocatedBytes(thread);
		repeat(task, CALLS);
		long after = threads.getThreadAllocatedBytes(thread);
		return (after - before) / (double) CALLS;
	}

	private static void repeat(Task task, int times) throws Exception {
		for (int i = 0; i < times; i++) {
			task.run();
		}
	}

	@FunctionalInterface
	interface Task {

		void run() throws Exception;

	}

}
