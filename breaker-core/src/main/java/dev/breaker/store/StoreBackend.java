/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The part of a shared store that talks to one backend (Redis, for example): it applies a
 * batch of {@link SyncRequest}s atomically per breaker and delivers state changes made by
 * other instances. A {@link SharedStore} calls it from one thread at a time and bounds
 * every wait, so an implementation may block.
 */
public interface StoreBackend extends AutoCloseable {

	/**
	 * Apply one request per breaker and answer the resulting state of each, in the same
	 * order.
	 * @param instanceId the id of the calling instance
	 * @param settings the store settings (minimum failing instances, lease time)
	 * @param requests one request per breaker
	 * @return one state per request
	 * @throws Exception if the backend cannot be reached or fails
	 */
	List<ClusterState> sync(String instanceId, StoreSettings settings, List<SyncRequest> requests) throws Exception;

	/**
	 * Start (or restart) hearing of state changes; a previous subscription is replaced.
	 * @param listener receives each change, on a thread of the backend (window counts
	 * unknown)
	 * @throws Exception if the backend cannot be reached
	 */
	void subscribe(Consumer<ClusterState> listener) throws Exception;

	/**
	 * What an operator should see about the backend, e.g. its type and key prefix.
	 * @return an ordered map of details
	 */
	Map<String, Object> describe();

	@Override
	void close();

}
