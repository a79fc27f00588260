/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.io.IOException;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.autoconfigure.endpoint.BreakersEndpoint.BreakerDescriptor;
import dev.breaker.autoconfigure.endpoint.BreakersEndpoint.TransitionDescriptor;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for {@link BreakersEndpoint}.
 */
class BreakersEndpointTests {

	private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.builder()
		.slidingWindowSize(4)
		.minimumNumberOfCalls(2)
		.failureRateThreshold(50)
		.build());

	private final BreakersEndpoint endpoint = new BreakersEndpoint(this.breakers);

	@Test
	void readsEveryBreakerByName() {
		this.breakers.breaker("payments");
		this.breakers.breaker("inventory").transitionTo(State.DISABLED);
		assertThat(this.endpoint.breakers().breakers()).containsOnlyKeys("inventory", "payments");
		assertThat(this.endpoint.breakers().breakers().get("inventory").state()).isEqualTo("DISABLED");
	}

	@Test
	void readsOneBreakerWithItsWindowAndTransitionsNewestFirst() throws Exception {
		CircuitBreaker payments = this.breakers.breaker("payments");
		payments.call(() -> "ok");
		assertThatIOException().isThrownBy(() -> payments.call(() -> {
			throw new IOException("down");
		}));
		payments.transitionTo(State.CLOSED);
		BreakerDescriptor descriptor = this.endpoint.breaker("payments");
		assertThat(descriptor).isNotNull();
		assertThat(descriptor.state()).isEqualTo("CLOSED");
		assertThat(descriptor.notPermittedCalls()).isZero();
		assertThat(descriptor.shared()).isFalse();
		assertThat(descriptor.transitions()).extracting(TransitionDescriptor::from, TransitionDescriptor::to)
			.containsExactly(tuple("OPEN", "CLOSED"), tuple("CLOSED", "OPEN"));
		assertThat(descriptor.transitions().get(1).reason()).contains("50");
		assertThat(descriptor.transitions().get(1).at()).matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
	}

	@Test
	void readsNothingForAnUnknownBreakerAndDoesNotCreateIt() {
		assertThat(this.endpoint.breaker("unknown")).isNull();
		assertThat(this.breakers.find("unknown")).isEmpty();
		assertThat(this.endpoint.breakers().breakers()).isEmpty();
	}

	@Test
	void transitionsABreakerByHand() {
		this.breakers.breaker("payments");
		BreakerDescriptor descriptor = this.endpoint.transition("payments", "FORCED_OPEN");
		assertThat(descriptor).isNotNull();
		assertThat(descriptor.state()).isEqualTo("FORCED_OPEN");
		assertThat(this.breakers.find("payments").orElseThrow().state()).isEqualTo(State.FORCED_OPEN);
		assertThat(this.endpoint.transition("payments", "DISABLED").state()).isEqualTo("DISABLED");
		assertThat(this.endpoint.transition("payments", "CLOSED").state()).isEqualTo("CLOSED");
	}

	@Test
	void rejectsAStateThatCannotBeSetByHand() {
		CircuitBreaker payments = this.breakers.breaker("payments");
		for (String state : new String[] { "OPEN", "HALF_OPEN", "closed", "", "SHUT" }) {
			assertThatExceptionOfType(InvalidEndpointRequestException.class)
				.isThrownBy(() -> this.endpoint.transition("payments", state))
				.withMessageContaining("FORCED_OPEN, DISABLED or CLOSED");
		}
		assertThat(payments.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void transitionsNothingForAnUnknownBreakerAndDoesNotCreateIt() {
		assertThat(this.endpoint.transition("unknown", "FORCED_OPEN")).isNull();
		assertThat(this.endpoint.transition("unknown", "OPEN")).isNull(); // 404 before
																			// 400
		assertThat(this.breakers.find("unknown")).isEmpty();
	}

}
