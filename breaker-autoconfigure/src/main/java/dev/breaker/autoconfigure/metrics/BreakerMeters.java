/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerMetrics;
import dev.breaker.State;
import dev.breaker.StateTransition;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

/**
 * The meters of one breaker in one meter registry, and the transition listener that
 * counts its transitions.
 */
final class BreakerMeters implements Consumer<StateTransition> {

	/*
	 * Implementation notes
	 *
	 * Gauges and function counters poll the breaker when the registry is scraped, so a
	 * call records nothing here. They hold the breaker weakly (Micrometer's default); the
	 * breaker stays reachable through the CircuitBreakerRegistry that the binder holds.
	 *
	 * Transition counters are created on the first transition of each (from, to) pair and
	 * cached in an array indexed by the pair, so later transitions neither allocate nor
	 * look anything up in the registry. Two threads racing on a first transition may both
	 * build the counter; Micrometer returns the same meter for the same id, so the race
	 * is harmless.
	 */

	private static final State[] STATES = State.values();

	private final MeterRegistry registry;

	private final Tags tags;

	private final AtomicReferenceArray<Counter> transitions = new AtomicReferenceArray<>(STATES.length * STATES.length);

	private BreakerMeters(CircuitBreaker breaker, MeterRegistry registry) {
		this.registry = registry;
		this.tags = Tags.of(Tag.of("name", breaker.name()));
	}

	/**
	 * Register the meters of a breaker and start counting its transitions.
	 * @param breaker the breaker to observe
	 * @param registry where to register its meters
	 */
	static void register(CircuitBreaker breaker, MeterRegistry registry) {
		BreakerMeters meters = new BreakerMeters(breaker, registry);
		meters.registerGauges(breaker);
		meters.registerCounters(breaker);
		breaker.addTransitionListener(meters);
	}

	private void registerGauges(CircuitBreaker breaker) {
		for (State state : STATES) {
			Gauge.builder("breaker.state", breaker, (observed) -> (observed.state() == state) ? 1 : 0)
				.tags(this.tags)
				.tag("state", lowerCase(state))
				.description("Whether the circuit breaker is in this state (1) or not (0)")
				.register(this.registry);
		}
		Gauge.builder("breaker.failure.rate", breaker, (observed) -> observed.metrics().failureRate())
			.tags(this.tags)
			.description("Failure rate of the calls in the sliding window, in percent; -1 while too few calls")
			.register(this.registry);
		Gauge.builder("breaker.slow.call.rate", breaker, (observed) -> observed.metrics().slowCallRate())
			.tags(this.tags)
			.description("Slow-call rate of the calls in the sliding window, in percent; -1 while too few calls")
			.register(this.registry);
	}

	private void registerCounters(CircuitBreaker breaker) {
		registerCalls(breaker, "success", CircuitBreakerMetrics::successfulCalls);
		registerCalls(breaker, "failure", CircuitBreakerMetrics::failedCallsTotal);
		registerCalls(breaker, "ignored", CircuitBreakerMetrics::ignoredCalls);
		registerCalls(breaker, "not_permitted", CircuitBreakerMetrics::notPermittedCalls);
		FunctionCounter.builder("breaker.slow.calls", breaker, (observed) -> observed.metrics().slowCallsTotal())
			.tags(this.tags)
			.description("Calls that took at least the slow-call duration threshold")
			.register(this.registry);
	}

	private void registerCalls(CircuitBreaker breaker, String outcome, ToDoubleFunction<CircuitBreakerMetrics> count) {
		FunctionCounter.builder("breaker.calls", breaker, (observed) -> count.applyAsDouble(observed.metrics()))
			.tags(this.tags)
			.tag("outcome", outcome)
			.description("Calls through the circuit breaker, by outcome")
			.register(this.registry);
	}

	@Override
	public void accept(StateTransition transition) {
		int index = transition.from().ordinal() * STATES.length + transition.to().ordinal();
		Counter counter = this.transitions.get(index);
		if (counter == null) {
			counter = Counter.builder("breaker.transitions")
				.tags(this.tags)
				.tag("from", lowerCase(transition.from()))
				.tag("to", lowerCase(transition.to()))
				.description("State transitions of the circuit breaker")
				.register(this.registry);
			this.transitions.set(index, counter);
		}
		counter.increment();
	}

	private static String lowerCase(State state) {
		return state.name().toLowerCase(Locale.ROOT);
	}

}
