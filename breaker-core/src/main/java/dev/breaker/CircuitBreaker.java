/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import dev.breaker.internal.LocalCircuitBreaker;

/**
 * A circuit breaker: it admits or rejects calls and trips when their failure or slow-call
 * rate reaches a threshold. Thread-safe and lock-free.
 *
 * <p>
 * {@link #call(Callable)} and {@link #run(Runnable)} guard a block of code. Integrations
 * that guard asynchronous work use the permit methods: {@link #acquirePermission()}, then
 * exactly one of {@link #onSuccess}, {@link #onError} or {@link #onIgnored} with the
 * permit it returned.
 */
public interface CircuitBreaker {

	/**
	 * Create a breaker on the system ticker.
	 * @param name the breaker name
	 * @param config its configuration
	 * @return a new breaker, {@link State#CLOSED}
	 */
	static CircuitBreaker of(String name, CircuitBreakerConfig config) {
		return of(name, config, Ticker.system());
	}

	/**
	 * Create a breaker on the given ticker.
	 * @param name the breaker name
	 * @param config its configuration
	 * @param ticker the time source
	 * @return a new breaker, {@link State#CLOSED}
	 */
	static CircuitBreaker of(String name, CircuitBreakerConfig config, Ticker ticker) {
		return new LocalCircuitBreaker(name, config, ticker);
	}

	/**
	 * Create a breaker with the default configuration.
	 * @param name the breaker name
	 * @return a new breaker, {@link State#CLOSED}
	 */
	static CircuitBreaker ofDefaults(String name) {
		return of(name, CircuitBreakerConfig.ofDefaults());
	}

	String name();

	State state();

	CircuitBreakerConfig config();

	/**
	 * Whether this breaker's state is kept in a shared store (and so is one breaker
	 * across every instance of the service).
	 * @return {@code true} for a shared breaker
	 */
	default boolean shared() {
		return false;
	}

	/**
	 * A snapshot of the window and the cumulative counters.
	 * @return the metrics
	 */
	CircuitBreakerMetrics metrics();

	/**
	 * The time source the breaker measures call durations with.
	 * @return the ticker
	 */
	Ticker ticker();

	/**
	 * Call the callable if the breaker permits it, recording its outcome. Exceptions of
	 * the callable propagate unchanged.
	 * @param <T> the result type
	 * @param callable the guarded code
	 * @return the callable's result
	 * @throws CallNotPermittedException if the breaker rejects the call
	 * @throws Exception whatever the callable throws
	 */
	default <T> T call(Callable<T> callable) throws Exception {
		long permit = acquirePermission();
		Ticker ticker = ticker();
		long start = ticker.read();
		try {
			T result = callable.call();
			onSuccess(permit, ticker.read() - start);
			return result;
		}
		catch (Throwable ex) {
			onError(permit, ticker.read() - start, ex);
			throw ex;
		}
	}

	/**
	 * Run the runnable if the breaker permits it, recording its outcome.
	 * @param runnable the guarded code
	 * @throws CallNotPermittedException if the breaker rejects the call
	 */
	default void run(Runnable runnable) {
		long permit = acquirePermission();
		Ticker ticker = ticker();
		long start = ticker.read();
		try {
			runnable.run();
			onSuccess(permit, ticker.read() - start);
		}
		catch (Throwable ex) {
			onError(permit, ticker.read() - start, ex);
			throw ex;
		}
	}

	/**
	 * Ask to make one call.
	 * @return the permit to pass to the outcome method
	 * @throws CallNotPermittedException if the breaker rejects the call
	 */
	long acquirePermission();

	/**
	 * Record a successful call.
	 * @param permit the permit from {@link #acquirePermission()}
	 * @param durationNanos how long the call took
	 */
	void onSuccess(long permit, long durationNanos);

	/**
	 * Record a call that threw; the exception is classified as failure, success or
	 * ignored by the configuration.
	 * @param permit the permit from {@link #acquirePermission()}
	 * @param durationNanos how long the call took
	 * @param error what the call threw
	 */
	void onError(long permit, long durationNanos, Throwable error);

	/**
	 * Record a call that counts neither way (cancelled, for example), releasing its
	 * permit.
	 * @param permit the permit from {@link #acquirePermission()}
	 */
	void onIgnored(long permit);

	/**
	 * Transition by hand.
	 * @param state {@link State#FORCED_OPEN}, {@link State#DISABLED} or
	 * {@link State#CLOSED}
	 * @throws IllegalArgumentException for any other state
	 */
	void transitionTo(State state);

	/**
	 * Close the breaker with an empty window; cumulative counters and the transition
	 * history are kept.
	 */
	void reset();

	/**
	 * The most recent transitions, newest first.
	 * @return a bounded list of transitions
	 */
	List<StateTransition> transitions();

	/**
	 * Subscribe to transitions. The listener runs on the thread that made the transition;
	 * what it throws is logged and dropped.
	 * @param listener the listener
	 */
	void addTransitionListener(Consumer<? super StateTransition> listener);

	/**
	 * Unsubscribe a listener.
	 * @param listener the listener
	 */
	void removeTransitionListener(Consumer<? super StateTransition> listener);

}
