/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.StateTransition;

import org.springframework.context.ApplicationEventPublisher;

/**
 * Publishes every {@link StateTransition} of every breaker of a registry, including
 * breakers created later, as an application event. Core already logs each transition, so
 * this adds no log line.
 */
public final class StateTransitionEvents {

	private final Consumer<StateTransition> listener;

	private final Set<CircuitBreaker> heard = ConcurrentHashMap.newKeySet();

	StateTransitionEvents(CircuitBreakerRegistry registry, ApplicationEventPublisher publisher) {
		this.listener = publisher::publishEvent;
		// Listen first, then walk the existing breakers: a breaker created in between is
		// seen twice, and the set makes the second time a no-op.
		registry.addCreationListener(this::listenTo);
		registry.all().forEach(this::listenTo);
	}

	private void listenTo(CircuitBreaker breaker) {
		if (this.heard.add(breaker)) {
			breaker.addTransitionListener(this.listener);
		}
	}

}
