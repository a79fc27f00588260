/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

/**
 * A source of monotonic time in nanoseconds; tests supply a manual one instead of
 * sleeping.
 */
@FunctionalInterface
public interface Ticker {

	/**
	 * Read the current time.
	 * @return nanoseconds from an arbitrary origin, monotonic like
	 * {@link System#nanoTime()}
	 */
	long read();

	/**
	 * The ticker backed by {@link System#nanoTime()}.
	 * @return the system ticker
	 */
	static Ticker system() {
		return SystemTicker.INSTANCE;
	}

	/**
	 * The system ticker as an enum singleton.
	 */
	enum SystemTicker implements Ticker {

		INSTANCE;

		@Override
		public long read() {
			return System.nanoTime();
		}

	}

}
