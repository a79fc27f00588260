/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link SharedStore} talks to its backend and what it does when the backend fails.
 *
 * @param syncInterval how often local outcomes are flushed and the shared state re-read
 * @param commandTimeout how long a sync may take before it counts as a store error (the
 * callers never wait for it)
 * @param minFailingInstances how many instances must have reported failures for a shared
 * trip
 * @param onStoreFailure what the breakers do while the store is down
 * @param errorsBeforeDown how many store errors in a row make the store count as down
 * @param maxBackoff the longest pause between two attempts to reach a store that is down
 */
public record StoreSettings(Duration syncInterval, Duration commandTimeout, int minFailingInstances,
		OnStoreFailure onStoreFailure, int errorsBeforeDown, Duration maxBackoff) {

	/**
	 * Validate the settings.
	 */
	public StoreSettings {
		Objects.requireNonNull(onStoreFailure, "onStoreFailure");
		if (syncInterval == null || syncInterval.toMillis() < 1) {
			throw new IllegalArgumentException("breaker.store.redis.sync-interval must be at least 1ms");
		}
		if (commandTimeout == null || commandTimeout.toMillis() < 1) {
			throw new IllegalArgumentException("The store command timeout must be at least 1ms");
		}
		if (minFailingInstances < 1) {
			throw new IllegalArgumentException(
					"breaker.store.redis.min-failing-instances must be at least 1, was " + minFailingInstances);
		}
		if (errorsBeforeDown < 1 || maxBackoff == null || maxBackoff.isNegative()) {
			throw new IllegalArgumentException("errorsBeforeDown must be >= 1 and maxBackoff >= 0");
		}
	}

	/**
	 * The documented defaults: 100ms sync interval, 100ms command timeout, one failing
	 * instance suffices, break locally while down.
	 * @return the defaults
	 */
	public static StoreSettings defaults() {
		return new StoreSettings(Duration.ofMillis(100), Duration.ofMillis(100), 1, OnStoreFailure.LOCAL, 3,
				Duration.ofSeconds(2));
	}

	public StoreSettings withSyncInterval(Duration interval) {
		return new StoreSettings(interval, this.commandTimeout, this.minFailingInstances, this.onStoreFailure,
				this.errorsBeforeDown, this.maxBackoff);
	}

	public StoreSettings withMinFailingInstances(int instances) {
		return new StoreSettings(this.syncInterval, this.commandTimeout, instances, this.onStoreFailure,
				this.errorsBeforeDown, this.maxBackoff);
	}

	public StoreSettings withOnStoreFailure(OnStoreFailure mode) {
		return new StoreSettings(this.syncInterval, this.commandTimeout, this.minFailingInstances, mode,
				this.errorsBeforeDown, this.maxBackoff);
	}

	/**
	 * How long a half-open trial lease lives without renewal: long enough to survive a
	 * few missed syncs, short enough that a crashed instance frees its leases quickly.
	 * @return the lease time to live
	 */
	public Duration leaseTtl() {
		Duration fromInterval = this.syncInterval.multipliedBy(20);
		return (fromInterval.compareTo(Duration.ofSeconds(2)) > 0) ? fromInterval : Duration.ofSeconds(2);
	}

}
