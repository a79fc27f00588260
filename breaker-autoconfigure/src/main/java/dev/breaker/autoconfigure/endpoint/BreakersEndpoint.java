/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.StateTransition;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * The {@code breakers} Actuator endpoint: the state, rates and recent transitions of
 * every circuit breaker, and manual transitions.
 */
@Endpoint(id = "breakers")
public class BreakersEndpoint {

	private static final Set<String> MANUAL_STATES = Set.of(State.FORCED_OPEN.name(), State.DISABLED.name(),
			State.CLOSED.name());

	private final CircuitBreakerRegistry breakers;

	/**
	 * Create an endpoint over the breakers of the given registry.
	 * @param breakers the breakers to show
	 */
	public BreakersEndpoint(CircuitBreakerRegistry breakers) {
		this.breakers = breakers;
	}

	@ReadOperation
	public BreakersDescriptor breakers() {
		Map<String, BreakerDescriptor> descriptors = new LinkedHashMap<>();
		this.breakers.all()
			.stream()
			.sorted(Comparator.comparing(CircuitBreaker::name))
			.forEach((breaker) -> descriptors.put(breaker.name(), BreakerDescriptor.of(breaker)));
		return new BreakersDescriptor(descriptors);
	}

	@ReadOperation
	public @Nullable BreakerDescriptor breaker(@Selector String name) {
		return this.breakers.find(name).map(BreakerDescriptor::of).orElse(null);
	}

	/**
	 * Transition a breaker by hand (cluster-wide for a shared breaker).
	 * @param name the breaker name
	 * @param state {@code FORCED_OPEN}, {@code DISABLED} or {@code CLOSED}
	 * @return the breaker after the transition, or {@code null} if there is no breaker of
	 * that name
	 * @throws InvalidEndpointRequestException for any other state
	 */
	@WriteOperation
	public @Nullable BreakerDescriptor transition(@Selector String name, String state) {
		CircuitBreaker breaker = this.breakers.find(name).orElse(null);
		if (breaker == null) {
			return null; // 404 first: there is nothing to transition, whatever the state
		}
		if (!MANUAL_STATES.contains(state)) {
			throw new InvalidEndpointRequestException("State must be FORCED_OPEN, DISABLED or CLOSED, not " + state,
					"Invalid state '" + state + "': use FORCED_OPEN, DISABLED or CLOSED");
		}
		breaker.transitionTo(State.valueOf(state));
		return BreakerDescriptor.of(breaker);
	}

	/**
	 * Every breaker, by name.
	 *
	 * @param breakers the breakers in name order
	 */
	public record BreakersDescriptor(Map<String, BreakerDescriptor> breakers) implements OperationResponseBody {

	}

	/**
	 * One breaker as the endpoint shows it.
	 *
	 * @param state the state name, e.g. {@code HALF_OPEN}
	 * @param failureRate failure rate in percent, -1 while too few calls are buffered
	 * @param slowCallRate slow-call rate in percent, -1 likewise
	 * @param bufferedCalls calls in the sliding window
	 * @param failedCalls failed calls in the sliding window
	 * @param slowCalls slow calls in the sliding window
	 * @param notPermittedCalls calls rejected since the breaker was created
	 * @param shared whether the state is kept in a shared store
	 * @param transitions the most recent transitions, newest first
	 */
	public record BreakerDescriptor(String state, float failureRate, float slowCallRate, long bufferedCalls,
			long failedCalls, long slowCalls, long notPermittedCalls, boolean shared,
			List<TransitionDescriptor> transitions) implements OperationResponseBody {

		static BreakerDescriptor of(CircuitBreaker breaker) {
			String state = breaker.state().name();
			CircuitBreakerMetrics metrics = breaker.metrics();
			List<TransitionDescriptor> transitions = breaker.transitions()
				.stream()
				.map(TransitionDescriptor::of)
				.toList();
			return new BreakerDescriptor(state, metrics.failureRate(), metrics.slowCallRate(), metrics.bufferedCalls(),
					metrics.failedCalls(), metrics.slowCalls(), metrics.notPermittedCalls(), breaker.shared(),
					transitions);
		}

	}

	/**
	 * One transition as the endpoint shows it.
	 *
	 * @param from the state before
	 * @param to the state after
	 * @param reason why
	 * @param at when, ISO-8601
	 */
	public record TransitionDescriptor(String from, String to, String reason, String at) {

		static TransitionDescriptor of(StateTransition transition) {
			return new TransitionDescriptor(transition.from().name(), transition.to().name(), transition.reason(),
					transition.at().toString());
		}

	}

}
