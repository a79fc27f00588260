/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.redis;

import java.util.function.Consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * Counts each error of the shared state store in the {@code breaker.store.errors}
 * counter, tagged with the {@code operation} that failed.
 */
public final class StoreErrorCounter implements Consumer<String>, SmartInitializingSingleton {

	private static final String[] OPERATIONS = { "sync", "subscribe" };

	private static final Logger logger = LoggerFactory.getLogger(StoreErrorCounter.class);

	private final ObjectProvider<MeterRegistry> registry;

	private final boolean active;

	StoreErrorCounter(ObjectProvider<MeterRegistry> registry, boolean active) {
		this.registry = registry;
		this.active = active;
	}

	/**
	 * Register the counters at zero, so that dashboards see them before the first error.
	 */
	@Override
	public void afterSingletonsInstantiated() {
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters != null && this.active) {
			for (String operation : OPERATIONS) {
				counter(meters, operation);
			}
		}
	}

	@Override
	public void accept(String operation) {
		logger.debug("Shared breaker store error in {}", operation);
		MeterRegistry meters = this.registry.getIfUnique();
		if (meters != null) {
			counter(meters, operation).increment();
		}
	}

	private static Counter counter(MeterRegistry meters, String operation) {
		return Counter.builder("breaker.store.errors")
			.description("Errors of the shared breaker state store")
			.tag("operation", operation)
			.register(meters);
	}

}
