/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

/**
 * What a shared breaker does while its store cannot be reached.
 */
public enum OnStoreFailure {

	/** Each instance breaks on its own window (kept warm while the store was up). */
	LOCAL,

	/** Every call is admitted; the breaker reports {@code DISABLED}. */
	FAIL_OPEN,

	/** Every call is rejected; the breaker reports {@code FORCED_OPEN}. */
	FAIL_CLOSED

}
