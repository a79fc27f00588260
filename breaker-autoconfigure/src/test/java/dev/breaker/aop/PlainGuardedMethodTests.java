/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;
import java.time.Duration;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.aop.GuardedServices.PlainService;
import dev.breaker.aop.GuardedServices.TransitionEvents;
import dev.breaker.aop.GuardedServices.TypeLevelService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

@GuardedSpringBootTest
class PlainGuardedMethodTests {

	@Autowired
	PlainService service;

	@Autowired
	TypeLevelService typeLevel;

	@Autowired
	CircuitBreakerRegistry registry;

	@Autowired
	ManualTicker ticker;

	@Autowired
	TransitionEvents events;

	@AfterEach
	void closeBreakers() {
		this.service.failWith(null);
		this.registry.all().forEach(CircuitBreaker::reset);
	}

	@Test
	void opensAtTheFailureRateAndThenRejectsWithoutCallingTheMethod() {
		IOException failure = new IOException("down");
		this.service.failWith(failure);
		for (int i = 0; i < 4; i++) {
			assertThatIOException().isThrownBy(this.service::get).isSameAs(failure);
		}
		assertThat(breaker("plain").state()).isEqualTo(State.OPEN);
		int calls = this.service.calls();
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.service::get)
			.satisfies((ex) -> assertThat(ex.breakerName()).isEqualTo("plain"));
		assertThat(this.service.calls()).isEqualTo(calls);
	}

	@Test
	void closesAfterTheWaitWhenTheTrialCallSucceeds() throws Exception {
		this.service.failWith(new IOException("down"));
		tripPlain();
		this.ticker.advance(Duration.ofSeconds(9));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.service::get);
		this.ticker.advance(Duration.ofSeconds(1));
		this.service.failWith(null);
		assertThat(this.service.get()).isEqualTo("value");
		assertThat(breaker("plain").state()).isEqualTo(State.CLOSED);
	}

	@Test
	void reopensWhenTheTrialCallFails() {
		this.service.failWith(new IOException("down"));
		tripPlain();
		this.ticker.advance(Duration.ofSeconds(10));
		assertThatIOException().isThrownBy(this.service::get);
		assertThat(breaker("plain").state()).isEqualTo(State.OPEN);
	}

	@Test
	void guardsVoidMethods() {
		this.service.failWith(new IllegalStateException("down"));
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(IllegalStateException.class).isThrownBy(this.service::run);
		}
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.service::run);
		assertThat(breaker("void").state()).isEqualTo(State.OPEN);
	}

	@Test
	void ignoredExceptionsPropagateWithoutCounting() {
		this.service.failWith(new IllegalArgumentException("bad input"));
		for (int i = 0; i < 8; i++) {
			assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(this.service::ignoring);
		}
		assertThat(breaker("ignoring").state()).isEqualTo(State.CLOSED);
		assertThat(breaker("ignoring").metrics().bufferedCalls()).isZero();
	}

	@Test
	void aTypeLevelAnnotationGuardsPublicMethodsAndAMethodLevelOneWins() {
		long typeCalls = breaker("type-level").metrics().successfulCalls();
		long methodCalls = breaker("method-level").metrics().successfulCalls();
		this.typeLevel.inherited();
		this.typeLevel.own();
		this.typeLevel.notPublic();
		assertThat(breaker("type-level").metrics().successfulCalls()).isEqualTo(typeCalls + 1);
		assertThat(breaker("method-level").metrics().successfulCalls()).isEqualTo(methodCalls + 1);
	}

	@Test
	void publishesEachTransitionAsAnApplicationEvent() {
		this.service.failWith(new IOException("down"));
		tripPlain();
		assertThat(this.events.heard).last()
			.satisfies((transition) -> assertThat(transition.toString())
				.isEqualTo("Circuit breaker 'plain' CLOSED -> OPEN: failure rate 100% >= 50% over 4 calls"));
	}

	private void tripPlain() {
		for (int i = 0; i < 4; i++) {
			assertThatExceptionOfType(Exception.class).isThrownBy(this.service::get);
		}
		assertThat(breaker("plain").state()).isEqualTo(State.OPEN);
	}

	private CircuitBreaker breaker(String name) {
		return this.registry.find(name).orElseThrow();
	}

}
