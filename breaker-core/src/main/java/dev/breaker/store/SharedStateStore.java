/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.Map;

/**
 * A backend that lets the breakers of the same name in several processes act as one. The
 * Redis implementation lives in {@code breaker-redis}.
 */
public interface SharedStateStore extends AutoCloseable {

	/**
	 * Whether the store can be reached right now.
	 * @return {@code true} while the store answers
	 */
	boolean available();

	/**
	 * What an operator should see in the health details, e.g. the store type, whether it
	 * is reachable, and since when it is not.
	 * @return an ordered map of details
	 */
	Map<String, Object> details();

	@Override
	void close();

}
