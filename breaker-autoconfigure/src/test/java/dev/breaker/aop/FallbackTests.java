/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.SocketException;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.aop.GuardedServices.FallbackService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@GuardedSpringBootTest
class FallbackTests {

	@Autowired
	FallbackService service;

	@Autowired
	CircuitBreakerRegistry registry;

	@AfterEach
	void closeBreakers() {
		this.service.failWith(null);
		this.registry.all().forEach(CircuitBreaker::reset);
	}

	@Test
	void aSuccessfulCallDoesNotRunTheFallback() throws Exception {
		assertThat(this.service.get("a")).isEqualTo("value:a");
	}

	@Test
	void theOverloadForTheClosestExceptionTypeWins() throws Exception {
		this.service.failWith(new FileNotFoundException("gone"));
		assertThat(this.service.get("a")).isEqualTo("file:a");
		this.service.failWith(new SocketException("reset"));
		assertThat(this.service.get("a")).isEqualTo("io:a");
	}

	@Test
	void theOriginalExceptionPropagatesWhenNoOverloadAcceptsIt() {
		IllegalStateException failure = new IllegalStateException("no fallback for me");
		this.service.failWith(failure);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.service.get("a"))
			.isSameAs(failure);
	}

	@Test
	void aFallbackRunsForARejectedCall() throws Exception {
		this.service.failWith(new IOException("down"));
		for (int i = 0; i < 4; i++) {
			assertThat(this.service.get("a")).isEqualTo("io:a");
		}
		assertThat(this.registry.find("fallbacks").orElseThrow().state()).isEqualTo(State.OPEN);
		assertThat(this.service.get("b")).isEqualTo("rejected:fallbacks:b");
	}

	@Test
	void aFallbackWithoutAnExceptionParameterAcceptsEveryFailure() throws Exception {
		this.service.failWith(new IllegalStateException("any"));
		assertThat(this.service.other("a")).isEqualTo("any:a");
		this.registry.find("fallback-without-exception").orElseThrow().transitionTo(State.FORCED_OPEN);
		assertThat(this.service.other("b")).isEqualTo("any:b");
	}

	@Test
	void whatTheFallbackThrowsPropagates() {
		this.service.failWith(new IOException("down"));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> this.service.third("a"))
			.withMessage("fallback failed for a");
	}

	@Test
	void aFailureHandledByAFallbackStillCountsForTheBreaker() throws Exception {
		this.service.failWith(new IOException("down"));
		this.service.get("a");
		assertThat(this.registry.find("fallbacks").orElseThrow().metrics().failedCalls()).isOne();
	}

}
