/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Proves that a guarded call never touches the meter registry once the meters are bound:
 * the registry here throws {@link AssertionError} (which no listener swallows) on any
 * meter lookup, registration or counter increment after it is armed.
 */
class HotPathMeterRegistryTests {

	private final AtomicLong nanos = new AtomicLong();

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.builder()
		.slidingWindowSize(1000)
		.minimumNumberOfCalls(1000)
		.slowCallDurationThreshold(Duration.ofMillis(100))
		.ignoreExceptions(IllegalStateException.class)
		.build(), this.nanos::get);

	private final ArmedMeterRegistry meters = new ArmedMeterRegistry();

	@Test
	void recordsCallsOfEveryOutcomeWithoutTouchingTheRegistry() throws Exception {
		CircuitBreaker payments = this.breakers.breaker("payments");
		CircuitBreaker rejecting = this.breakers.breaker("rejecting");
		rejecting.transitionTo(State.FORCED_OPEN);
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		this.meters.arm();
		for (int i = 0; i < 100; i++) {
			payments.call(() -> "ok");
			payments.call(() -> this.nanos.addAndGet(Duration.ofMillis(200).toNanos()));
			assertThatIOException().isThrownBy(() -> payments.call(() -> {
				throw new IOException("down");
			}));
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> payments.run(() -> {
				throw new IllegalStateException("ignored");
			}));
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> rejecting.run(() -> {
			}));
		}
		this.meters.disarm();
		assertThat(this.meters.get("breaker.calls")
			.tag("name", "payments")
			.tag("outcome", "success")
			.functionCounter()
			.count()).isEqualTo(200);
		assertThat(this.meters.get("breaker.slow.calls").tag("name", "payments").functionCounter().count())
			.isEqualTo(100);
		assertThat(this.meters.get("breaker.calls")
			.tag("name", "rejecting")
			.tag("outcome", "not_permitted")
			.functionCounter()
			.count()).isEqualTo(100);
	}

	@Test
	void armedRegistryCatchesACounterIncrement() {
		CircuitBreaker payments = this.breakers.breaker("payments");
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		payments.transitionTo(State.FORCED_OPEN);
		payments.transitionTo(State.CLOSED);
		this.meters.arm();
		// a transition is not a call and may record; here it shows that the trap springs
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> payments.transitionTo(State.FORCED_OPEN))
			.withMessageContaining("increment");
	}

	@Test
	void armedRegistryCatchesARegistration() {
		new BreakerMeterBinder(this.breakers).bindTo(this.meters);
		this.meters.arm();
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> this.breakers.breaker("late"))
			.withMessageContaining("register");
	}

	/**
	 * A simple registry that fails on any use once armed.
	 */
	static final class ArmedMeterRegistry extends SimpleMeterRegistry {

		private volatile boolean armed;

		ArmedMeterRegistry() {
			config().meterFilter(new MeterFilter() {
				@Override
				public Meter.Id map(Meter.Id id) {
					check("register or look up " + id);
					return id;
				}
			});
		}

		void arm() {
			this.armed = true;
		}

		void disarm() {
			this.armed = false;
		}

		private void check(String what) {
			if (this.armed) {
				throw new AssertionError("The meter registry was used after binding: " + what);
			}
		}

		@Override
		protected Counter newCounter(Meter.Id id) {
			Counter counter = super.newCounter(id);
			return new Counter() {
				@Override
				public void increment(double amount) {
					check("increment " + id);
					counter.increment(amount);
				}

				@Override
				public double count() {
					return counter.count();
				}

				@Override
				public Meter.Id getId() {
					return counter.getId();
				}
			};
		}

	}

}
