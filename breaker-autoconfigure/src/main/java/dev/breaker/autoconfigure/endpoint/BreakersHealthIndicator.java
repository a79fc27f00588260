/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.store.SharedStateStore;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code breakers} health contributor: UP with the state of every breaker, or a
 * configured status while one of them rejects calls.
 */
public class BreakersHealthIndicator implements HealthIndicator {

	/*
	 * An open breaker is the application coping with a sick dependency, not being sick
	 * itself: were it DOWN, every instance behind a load balancer would leave at once. So
	 * the status for OPEN is the user's choice and UP by default. A store that cannot be
	 * reached only shows in the details, for the same reason (calls never fail because of
	 * it).
	 */

	private final CircuitBreakerRegistry breakers;

	private final Status statusWhenOpen;

	private final @Nullable SharedStateStore store;

	/**
	 * Create an indicator for the breakers of the given registry.
	 * @param breakers the breakers to report on
	 * @param statusWhenOpen the status while a breaker is OPEN or FORCED_OPEN
	 * @param store the shared state store, if any, whose state shows in the details
	 */
	public BreakersHealthIndicator(CircuitBreakerRegistry breakers, Status statusWhenOpen,
			@Nullable SharedStateStore store) {
		this.breakers = breakers;
		this.statusWhenOpen = statusWhenOpen;
		this.store = store;
	}

	@Override
	public Health health() {
		boolean open = false;
		Map<String, Object> details = new LinkedHashMap<>();
		List<CircuitBreaker> sorted = this.breakers.all()
			.stream()
			.sorted(Comparator.comparing(CircuitBreaker::name))
			.toList();
		for (CircuitBreaker breaker : sorted) {
			State state = breaker.state();
			open |= state.rejectsCalls();
			details.put(breaker.name(), details(breaker, state));
		}
		if (this.store != null) {
			details.put("store", storeDetails(this.store));
		}
		return Health.status(open ? this.statusWhenOpen : Status.UP).withDetails(details).build();
	}

	private static Map<String, Object> details(CircuitBreaker breaker, State state) {
		CircuitBreakerMetrics metrics = breaker.metrics();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", state.name());
		details.put("failureRate", metrics.failureRate());
		details.put("slowCallRate", metrics.slowCallRate());
		details.put("bufferedCalls", metrics.bufferedCalls());
		details.put("failedCalls", metrics.failedCalls());
		details.put("slowCalls", metrics.slowCalls());
		details.put("notPermittedCalls", metrics.notPermittedCalls());
		details.put("shared", breaker.shared());
		return details;
	}

	private static Map<String, Object> storeDetails(SharedStateStore store) {
		Map<String, Object> details = new LinkedHashMap<>();
		try {
			details.put("available", store.available());
			details.putAll(store.details());
		}
		catch (RuntimeException ex) {
			// a store that cannot even describe itself is still no reason to fail health
			details.put("available", false);
			details.put("error", ex.toString());
		}
		return details;
	}

}
