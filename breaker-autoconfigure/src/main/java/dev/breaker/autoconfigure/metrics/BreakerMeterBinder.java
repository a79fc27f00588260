/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the meters of every breaker of a {@link CircuitBreakerRegistry}, including the
 * breakers created after binding, to a {@link MeterRegistry}.
 */
public class BreakerMeterBinder implements MeterBinder {

	/*
	 * Implementation notes
	 *
	 * The creation listener is added before the existing breakers are walked, so a
	 * breaker created meanwhile is seen at least once; the "bound" set makes sure it is
	 * bound at most once per meter registry (a second transition listener would count
	 * every transition twice).
	 */

	private final CircuitBreakerRegistry breakers;

	private final Map<MeterRegistry, Set<CircuitBreaker>> bound = new ConcurrentHashMap<>();

	/**
	 * Create a binder for the breakers of the given registry.
	 * @param breakers the breakers to observe; the binder keeps them reachable, which the
	 * gauges (weak references) rely on
	 */
	public BreakerMeterBinder(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Set<CircuitBreaker> boundToRegistry = this.bound.computeIfAbsent(registry,
				(key) -> ConcurrentHashMap.newKeySet());
		this.breakers.addCreationListener((breaker) -> bind(breaker, registry, boundToRegistry));
		for (CircuitBreaker breaker : this.breakers.all()) {
			bind(breaker, registry, boundToRegistry);
		}
	}

	private void bind(CircuitBreaker breaker, MeterRegistry registry, Set<CircuitBreaker> boundToRegistry) {
		if (boundToRegistry.add(breaker)) {
			BreakerMeters.register(breaker, registry);
		}
	}

}
