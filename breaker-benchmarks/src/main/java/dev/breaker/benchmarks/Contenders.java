/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;
import java.util.concurrent.locks.LockSupport;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.State;
import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.function.CheckedSupplier;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowSynchronizationStrategy;

/**
 * One breaker of each library, configured by the same {@link Scenario}, each guarding the
 * same work in the way its documentation shows.
 */
final class Contenders {

	/** What a Failsafe breaker used on its own returns when it refuses a permit. */
	static final Object REJECTED = new Object();

	private static final int MAX_CALLS_TO_TRIP = 10_000;

	final CircuitBreaker breaker;

	/**
	 * Resilience4j with its default stack traces on rejection and synchronized window.
	 */
	final io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4j;

	/** Resilience4j with {@code writableStackTraceEnabled=false}. */
	final io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jStackless;

	/** Resilience4j with the lock-free sliding window (2.4.0, not the default). */
	final io.github.resilience4j.circuitbreaker.CircuitBreaker resilience4jLockFree;

	final dev.failsafe.CircuitBreaker<Integer> failsafe;

	final Callable<Integer> resilience4jCall;

	final Callable<Integer> resilience4jStacklessCall;

	final Callable<Integer> resilience4jLockFreeCall;

	final FailsafeExecutor<Integer> failsafeExecutor;

	final CheckedSupplier<Integer> failsafeWork;

	private final Callable<Integer> work;

	Contenders(Scenario scenario, Callable<Integer> work) {
		this.work = work;
		this.breaker = CircuitBreaker.of("benchmark", scenario.breaker(), scenario.ticker());
		this.resilience4j = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("benchmark",
				scenario.resilience4j(true, SlidingWindowSynchronizationStrategy.SYNCHRONIZED));
		this.resilience4jStackless = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("benchmark",
				scenario.resilience4j(false, SlidingWindowSynchronizationStrategy.SYNCHRONIZED));
		this.resilience4jLockFree = io.github.resilience4j.circuitbreaker.CircuitBreaker.of("benchmark",
				scenario.resilience4j(true, SlidingWindowSynchronizationStrategy.LOCK_FREE));
		this.failsafe = scenario.failsafe();
		// Decorated once: the per-call lambda of executeCallable would be Resilience4j's
		// cost, but a careful user avoids it, and so do we.
		this.resilience4jCall = io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCallable(this.resilience4j,
				work);
		this.resilience4jStacklessCall = io.github.resilience4j.circuitbreaker.CircuitBreaker
			.decorateCallable(this.resilience4jStackless, work);
		this.resilience4jLockFreeCall = io.github.resilience4j.circuitbreaker.CircuitBreaker
			.decorateCallable(this.resilience4jLockFree, work);
		this.failsafeExecutor = Failsafe.with(this.failsafe);
		this.failsafeWork = work::call;
	}

	/**
	 * Failsafe's standalone use, as its documentation shows it: ask for a permit, run the
	 * work, record the outcome. It reads no clock (Failsafe has no slow-call rate).
	 * @return the result, or {@link #REJECTED}
	 * @throws Exception what the work throws
	 */
	Object failsafeStandalone() throws Exception {
		if (!this.failsafe.tryAcquirePermit()) {
			return REJECTED;
		}
		try {
			Integer result = this.work.call();
			this.failsafe.recordSuccess();
			return result;
		}
		catch (Exception ex) {
			this.failsafe.recordFailure();
			throw ex;
		}
	}

	/**
	 * Trip every breaker with failing calls.
	 * @return this
	 */
	Contenders tripAll() {
		trip(this.breaker);
		for (io.github.resilience4j.circuitbreaker.CircuitBreaker r4j : resilience4js()) {
			trip(r4j);
		}
		trip((failing) -> this.failsafeExecutor.get(failing::call), this.failsafe::isOpen);
		return this;
	}

	static void trip(CircuitBreaker breaker) {
		trip(breaker::call, () -> breaker.state() == State.OPEN);
	}

	static void trip(io.github.resilience4j.circuitbreaker.CircuitBreaker breaker) {
		trip((failing) -> io.github.resilience4j.circuitbreaker.CircuitBreaker.decorateCallable(breaker, failing)
			.call(), () -> breaker.getState() == io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
	}

	/**
	 * Trip every breaker, then wait out the open state so that each one is half-open.
	 * @return this
	 */
	Contenders halfOpenAll() {
		tripAll();
		LockSupport.parkNanos(20_000_000L);
		// The first call after the wait moves breaker to HALF_OPEN; give the permit back.
		this.breaker.onIgnored(this.breaker.acquirePermission());
		for (io.github.resilience4j.circuitbreaker.CircuitBreaker r4j : resilience4js()) {
			r4j.transitionToHalfOpenState();
		}
		this.failsafe.halfOpen();
		return this;
	}

	/**
	 * Take every trial permit of every half-open breaker, so that the next call is
	 * rejected.
	 * @return this
	 */
	Contenders holdAllTrialPermits() {
		try {
			for (;;) {
				this.breaker.acquirePermission();
			}
		}
		catch (CallNotPermittedException expected) {
			// all taken
		}
		for (io.github.resilience4j.circuitbreaker.CircuitBreaker r4j : resilience4js()) {
			while (r4j.tryAcquirePermission()) {
				// take the next one
			}
		}
		while (this.failsafe.tryAcquirePermit()) {
			// take the next one
		}
		return this;
	}

	private io.github.resilience4j.circuitbreaker.CircuitBreaker[] resilience4js() {
		return new io.github.resilience4j.circuitbreaker.CircuitBreaker[] { this.resilience4j,
				this.resilience4jStackless, this.resilience4jLockFree };
	}

	private static void trip(Guard guard, BooleanSupplier open) {
		for (int i = 0; i < MAX_CALLS_TO_TRIP && !open.getAsBoolean(); i++) {
			try {
				guard.call(Downstream.FAILING);
			}
			catch (Exception expected) {
				// a failure or, once open, a rejection
			}
		}
		if (!open.getAsBoolean()) {
			throw new IllegalStateException("Breaker did not trip after " + MAX_CALLS_TO_TRIP + " failures");
		}
	}

	@FunctionalInterface
	private interface Guard {

		Object call(Callable<Integer> work) throws Exception;

	}

}
