/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link BreakerMeterBinder}: meter values after driving breakers on a manual
 * ticker.
 */
class BreakerMeterBinderTests {

	private final AtomicLong nanos = new AtomicLong();

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.builder()
		.slidingWindowSize(10)
		.minimumNumberOfCalls(4)
		.failureRateThreshold(50)
		.slowCallDurationThreshold(Duration.ofSeconds(1))
		.waitDurationInOpenState(Duration.ofSeconds(10))
		.permittedNumberOfCallsInHalfOpenState(1)
		.ignoreExceptions(IllegalStateException.class)
		.build(), this.nanos::get);

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	@Test
	void countsCallsByOutcomeAndShowsTheStateAndRates() throws Exception {
		CircuitBreaker payments = this.breakers.breaker("payments");
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		payments.call(() -> "fast");
		payments.call(() -> advance(Duration.ofSeconds(2)));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> payments.run(() -> {
			throw new IllegalStateException("ignored");
		}));
		assertThatIOException().isThrownBy(() -> payments.call(this::fail));
		assertThat(gauge("breaker.failure.rate", "payments")).isEqualTo(-1);
		assertThatIOException().isThrownBy(() -> payments.call(this::fail));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> payments.call(() -> "rejected"));
		assertThat(calls("payments", "success")).isEqualTo(2);
		assertThat(calls("payments", "failure")).isEqualTo(2);
		assertThat(calls("payments", "ignored")).isEqualTo(1);
		assertThat(calls("payments", "not_permitted")).isEqualTo(1);
		assertThat(this.meters.get("breaker.slow.calls").tag("name", "payments").functionCounter().count())
			.isEqualTo(1);
		assertThat(gauge("breaker.failure.rate", "payments")).isEqualTo(50);
		assertThat(gauge("breaker.slow.call.rate", "payments")).isEqualTo(25);
		assertThat(stateGauges("payments")).containsExactly(0.0, 1.0, 0.0, 0.0, 0.0);
	}

	@Test
	void countsEachTransitionUnderLowerCaseStateTags() throws Exception {
		CircuitBreaker payments = this.breakers.breaker("payments");
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		for (int i = 0; i < 4; i++) {
			assertThatIOException().isThrownBy(() -> payments.call(this::fail));
		}
		advance(Duration.ofSeconds(10));
		payments.call(() -> "trial");
		payments.transitionTo(State.FORCED_OPEN);
		payments.transitionTo(State.CLOSED);
		assertThat(payments.state()).isEqualTo(State.CLOSED);
		assertThat(transitions("payments", "closed", "open")).isEqualTo(1);
		assertThat(transitions("payments", "open", "half_open")).isEqualTo(1);
		assertThat(transitions("payments", "half_open", "closed")).isEqualTo(1);
		assertThat(transitions("payments", "closed", "forced_open")).isEqualTo(1);
		assertThat(transitions("payments", "forced_open", "closed")).isEqualTo(1);
		assertThat(this.meters.find("breaker.transitions").counters()).hasSize(5);
	}

	@Test
	void givesMetersToBreakersCreatedAfterBinding() {
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		assertThat(this.meters.find("breaker.state").tag("name", "late").gauges()).isEmpty();
		this.breakers.breaker("late").transitionTo(State.DISABLED);
		assertThat(stateGauges("late")).containsExactly(0.0, 0.0, 0.0, 0.0, 1.0);
		assertThat(transitions("late", "closed", "disabled")).isEqualTo(1);
	}

	@Test
	void bindsABreakerOnceEvenWhenBoundAgain() {
		BreakerMeterBinder binder = new BreakerMeterBinder(this.breakers);
		this.breakers.breaker("payments");
		binder.bindTo(this.meters);
		binder.bindTo(this.meters);
		this.breakers.breaker("late");
		this.breakers.find("payments").orElseThrow().transitionTo(State.FORCED_OPEN);
		this.breakers.find("late").orElseThrow().transitionTo(State.FORCED_OPEN);
		assertThat(transitions("payments", "closed", "forced_open")).isEqualTo(1);
		assertThat(transitions("late", "closed", "forced_open")).isEqualTo(1);
	}

	@Test
	void tagsEveryMeterWithTheBreakerNameAndDescribesIt() {
		this.breakers.breaker("payments").transitionTo(State.FORCED_OPEN);
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		this.breakers.find("payments").orElseThrow().transitionTo(State.CLOSED);
		assertThat(this.meters.getMeters()).extracting(Meter::getId)
			.extracting((id) -> id.getName())
			.containsOnly("breaker.state", "breaker.calls", "breaker.slow.calls", "breaker.failure.rate",
					"breaker.slow.call.rate", "breaker.transitions");
		assertThat(this.meters.getMeters()).hasSize(5 + 4 + 1 + 2 + 1).allSatisfy((meter) -> {
			assertThat(meter.getId().getTag("name")).isEqualTo("payments");
			assertThat(meter.getId().getDescription()).isNotBlank();
		});
		assertThat(this.meters.find("breaker.state").gauges()).extracting((gauge) -> gauge.getId().getTag("state"))
			.containsExactlyInAnyOrder("closed", "open", "half_open", "forced_open", "disabled");
	}

	@Test
	void keepsReadingGaugesAfterGarbageCollection() {
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		this.breakers.breaker("payments").transitionTo(State.FORCED_OPEN);
		for (int i = 0; i < 3; i++) {
			System.gc();
			assertThat(stateGauges("payments")).containsExactly(0.0, 0.0, 0.0, 1.0, 0.0);
			assertThat(gauge("breaker.failure.rate", "payments")).isEqualTo(-1);
			assertThat(calls("payments", "not_permitted")).isZero();
		}
	}

	private Object advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
		return "slow";
	}

	private String fail() throws IOException {
		throw new IOException("down");
	}

	private double gauge(String name, String breaker) {
		return this.meters.get(name).tag("name", breaker).gauge().value();
	}

	private double calls(String breaker, String outcome) {
		FunctionCounter counter = this.meters.get("breaker.calls")
			.tag("name", breaker)
			.tag("outcome", outcome)
			.functionCounter();
		return counter.count();
	}

	private double transitions(String breaker, String from, String to) {
		return this.meters.get("breaker.transitions")
			.tag("name", breaker)
			.tag("from", from)
			.tag("to", to)
			.counter()
			.count();
	}

	/** The state gauges in the order of {@link State#values()}. */
	private double[] stateGauges(String breaker) {
		State[] states = State.values();
		double[] values = new double[states.length];
		for (int i = 0; i < states.length; i++) {
			Gauge gauge = this.meters.get("breaker.state")
				.tag("name", breaker)
				.tag("state", states[i].name().toLowerCase(Locale.ROOT))
				.gauge();
			values[i] = gauge.value();
		}
		return values;
	}

}
