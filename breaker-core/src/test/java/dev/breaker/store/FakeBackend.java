/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A backend that answers every sync with the state the instance already knows, or fails
 * while told to; it records what it was sent.
 */
final class FakeBackend implements StoreBackend {

	final AtomicBoolean failing = new AtomicBoolean();

	final AtomicInteger syncs = new AtomicInteger();

	final AtomicInteger subscriptions = new AtomicInteger();

	final List<SyncRequest> received = new ArrayList<>();

	static FakeBackend down() {
		FakeBackend backend = new FakeBackend();
		backend.failing.set(true);
		return backend;
	}

	@Override
	public synchronized List<ClusterState> sync(String instanceId, StoreSettings settings, List<SyncRequest> requests) {
		this.syncs.incrementAndGet();
		if (this.failing.get()) {
			throw new IllegalStateException("connection refused");
		}
		this.received.addAll(requests);
		List<ClusterState> states = new ArrayList<>();
		for (SyncRequest request : requests) {
			states.add(request.known());
		}
		return states;
	}

	@Override
	public void subscribe(Consumer<ClusterState> listener) {
		this.subscriptions.incrementAndGet();
	}

	@Override
	public Map<String, Object> describe() {
		return Map.of("type", "fake");
	}

	@Override
	public void close() {
	}

}
