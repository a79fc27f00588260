/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.LongRange;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;
import dev.breaker.ReferenceBreaker.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Random sequences of calls, outcomes, durations, clock steps and manual transitions
 * applied to the real breaker and to {@link ReferenceBreaker}: after every step both must
 * agree on the state, the admission, the metrics and the transitions.
 */
class CircuitBreakerModelTests {

	@Property(tries = 300)
	void behavesLikeTheReferenceModel(@ForAll("configs") CircuitBreakerConfig config,
			@ForAll @LongRange(min = -1_000_000_000_000_000L, max = 1_000_000_000_000_000L) long start,
			@ForAll("steps") List<Step> steps) {
		ManualTicker ticker = new ManualTicker(start);
		CircuitBreaker real = CircuitBreaker.of("model", config, ticker);
		ReferenceBreaker model = new ReferenceBreaker(config, ticker);
		List<String> heard = new ArrayList<>();
		real.addTransitionListener((t) -> heard.add(t.from() + "->" + t.to()));
		List<long[]> held = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) {
			Step step = steps.get(i);
			int index = i;
			Supplier<String> context = () -> "step " + index + " " + step + " of " + steps;
			if (step instanceof Call call) {
				long[] permits = acquire(real, model, context);
				if (permits != null) {
					ticker.advance(Duration.ofMillis(call.millis()));
					complete(real, model, permits, call.outcome(), call.millis());
				}
			}
			else if (step instanceof Acquire) {
				long[] permits = acquire(real, model, context);
				if (permits != null) {
					held.add(permits);
				}
			}
			else if (step instanceof Complete complete && !held.isEmpty()) {
				long[] permits = held.remove(complete.index() % held.size());
				complete(real, model, permits, complete.outcome(), complete.millis());
			}
			else if (step instanceof Advance advance) {
				ticker.advance(Duration.ofMillis(advance.millis()));
			}
			else if (step instanceof Manual manual) {
				real.transitionTo(manual.target());
				model.transitionTo(manual.target());
			}
			else if (step instanceof Reset) {
				real.reset();
				model.reset();
			}
			assertThat(real.state()).as(context).isEqualTo(model.state);
			assertThat(real.metrics()).as(context).isEqualTo(model.metrics());
			assertThat(heard).as(context).isEqualTo(model.transitions);
		}
		assertThat(real.transitions()).hasSize(Math.min(20, heard.size()));
	}

	private static long[] acquire(CircuitBreaker real, ReferenceBreaker model, Supplier<String> context) {
		long modelPermit = model.acquire();
		try {
			long realPermit = real.acquirePermission();
			assertThat(modelPermit).as(() -> "model rejects, breaker admits: " + context.get()).isNotNegative();
			return new long[] { realPermit, modelPermit };
		}
		catch (CallNotPermittedException ex) {
			assertThat(modelPermit).as(() -> "breaker rejects, model admits: " + context.get()).isNegative();
			assertThat(ex.state()).as(context).isEqualTo(model.state);
			// the real wait comes from a double multiplication, the model's from exact
			// decimals; time steps are whole milliseconds, so a nanosecond never matters
			assertThat(ex.retryAfter().toNanos()).as(context).isCloseTo(model.retryAfterNanos(), within(1_000L));
			return null;
		}
	}

	private static void complete(CircuitBreaker real, ReferenceBreaker model, long[] permits, Outcome outcome,
			int millis) {
		long nanos = Duration.ofMillis(millis).toNanos();
		switch (outcome) {
			case SUCCESS -> real.onSuccess(permits[0], nanos);
			case IO_EXCEPTION -> real.onError(permits[0], nanos, new IOException("io"));
			case ILLEGAL_ARGUMENT -> real.onError(permits[0], nanos, new IllegalArgumentException("argument"));
			case ILLEGAL_STATE -> real.onError(permits[0], nanos, new IllegalStateException("state"));
			default -> real.onIgnored(permits[0]);
		}
		model.complete(permits[1], outcome, nanos);
	}

	@Provide
	Arbitrary<CircuitBreakerConfig> configs() {
		Arbitrary<Integer> thresholds = Arbitraries.of(1, 20, 25, 34, 50, 67, 75, 100);
		Arbitrary<Window> windows = Combinators
			.combine(Arbitraries.of(SlidingWindowType.values()), Arbitraries.integers().between(1, 6),
					Arbitraries.integers().between(1, 8), thresholds, thresholds, Arbitraries.integers().between(1, 5),
					Arbitraries.integers().between(0, 4))
			.as(Window::new);
		return Combinators
			.combine(windows, Arbitraries.integers().between(0, 4), Arbitraries.of(1.0, 1.5, 2.0, 3.0),
					Arbitraries.integers().between(0, 20), Arbitraries.integers().between(1, 4),
					Arbitraries.integers().between(0, 6), Arbitraries.of(true, false), Arbitraries.of(true, false))
			.as((window, wait, multiplier, extraCap, permitted, trialWait, recordIo, ignoreIllegalState) -> {
				CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder()
					.slidingWindowType(window.type())
					.slidingWindowSize(window.size())
					.minimumNumberOfCalls(window.minimumCalls())
					.failureRateThreshold(window.failureThreshold())
					.slowCallRateThreshold(window.slowThreshold())
					.slowCallDurationThreshold(Duration.ofMillis(100L * window.slowTenths()))
					.consecutiveFailuresThreshold(window.inARow())
					.waitDurationInOpenState(Duration.ofMillis(500L * wait))
					.waitDurationMultiplier(multiplier)
					.maxWaitDurationInOpenState(Duration.ofMillis(500L * (wait + extraCap)))
					.permittedNumberOfCallsInHalfOpenState(permitted)
					.maxWaitDurationInHalfOpenState(Duration.ofMillis(500L * trialWait));
				if (recordIo) {
					builder.recordExceptions(IOException.class);
				}
				if (ignoreIllegalState) {
					builder.ignoreExceptions(IllegalStateException.class);
				}
				return builder.build();
			});
	}

	@Provide
	Arbitrary<List<Step>> steps() {
		Arbitrary<Outcome> outcomes = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(Outcome.SUCCESS)),
				Tuple.of(4, Arbitraries.just(Outcome.IO_EXCEPTION)),
				Tuple.of(1, Arbitraries.of(Outcome.ILLEGAL_ARGUMENT, Outcome.ILLEGAL_STATE, Outcome.CANCELLED)));
		Arbitrary<Integer> durations = Arbitraries.integers().between(0, 6).map((tenths) -> tenths * 100);
		Arbitrary<Step> call = Combinators.combine(outcomes, durations).as(Call::new);
		Arbitrary<Step> complete = Combinators.combine(Arbitraries.integers().between(0, 7), outcomes, durations)
			.as(Complete::new);
		Arbitrary<Step> advance = Arbitraries
			.oneOf(Arbitraries.integers().between(1, 999), Arbitraries.of(500, 1000, 1500, 2000, 3000))
			.map(Advance::new);
		Arbitrary<Step> manual = Arbitraries.of(State.FORCED_OPEN, State.DISABLED, State.CLOSED).map(Manual::new);
		return Arbitraries
			.frequencyOf(Tuple.of(40, call), Tuple.of(8, Arbitraries.just(new Acquire())), Tuple.of(10, complete),
					Tuple.of(15, advance), Tuple.of(2, manual), Tuple.of(2, Arbitraries.just(new Reset())))
			.list()
			.ofMinSize(10)
			.ofMaxSize(120)
			.withSizeDistribution(RandomDistribution.uniform());
	}

	record Window(SlidingWindowType type, int size, int minimumCalls, int failureThreshold, int slowThreshold,
			int slowTenths, int inARow) {
	}

	/** One step of a scenario. */
	interface Step {

	}

	/** Acquire, let the clock run for the call, then record the outcome. */
	record Call(Outcome outcome, int millis) implements Step {
	}

	/** Acquire and keep the permit, to complete later (an outstanding call). */
	record Acquire() implements Step {
	}

	/** Complete one of the outstanding calls. */
	record Complete(int index, Outcome outcome, int millis) implements Step {
	}

	record Advance(int millis) implements Step {
	}

	record Manual(State target) implements Step {
	}

	record Reset() implements Step {
	}

}
