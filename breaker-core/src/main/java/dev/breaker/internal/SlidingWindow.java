/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.Ticker;

/**
 * The outcomes of the recent calls of a CLOSED breaker, lock-free. Each CLOSED generation
 * owns its own window, so a late write lands in a window nobody reads.
 */
interface SlidingWindow {

	/**
	 * Record one call.
	 * @param failure whether it failed
	 * @param slow whether it was slow
	 */
	void record(boolean failure, boolean slow);

	/**
	 * The number of calls in the window; for a time-based window this first drops the
	 * buckets that have slid out.
	 * @return the buffered calls
	 */
	long calls();

	/**
	 * The failed calls in the window, as of the last {@link #calls()}.
	 * @return the failed calls
	 */
	long failures();

	/**
	 * The slow calls in the window, as of the last {@link #calls()}.
	 * @return the slow calls
	 */
	long slowCalls();

	static SlidingWindow of(CircuitBreakerConfig config, Ticker ticker) {
		if (config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.COUNT_BASED) {
			return new CountWindow(config.slidingWindowSize());
		}
		return new TimeWindow(config.slidingWindowSize(), ticker);
	}

}
