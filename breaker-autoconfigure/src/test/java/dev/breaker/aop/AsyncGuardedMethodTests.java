/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

@GuardedSpringBootTest
class AsyncGuardedMethodTests {

	@Autowired
	AsyncService service;

	@Autowired
	CircuitBreakerRegistry registry;

	@Autowired
	ManualTicker ticker;

	@AfterEach
	void closeBreakers() {
		this.registry.all().forEach(CircuitBreaker::reset);
	}

	@Test
	void aFutureIsRecordedWhenItCompletesNotWhenItIsReturned() {
		CompletableFuture<String> pending = new CompletableFuture<>();
		this.service.willReturn(pending);
		CompletableFuture<String> result = this.service.future();
		assertThat(breaker("future").metrics().bufferedCalls()).isZero();
		this.ticker.advance(Duration.ofMillis(5));
		pending.complete("done");
		assertThat(result).isCompletedWithValue("done");
		assertThat(breaker("future").metrics().bufferedCalls()).isOne();
		assertThat(breaker("future").metrics().failedCalls()).isZero();
	}

	@Test
	void aFailedFutureTripsTheBreakerAndTheCallerSeesTheCauseUnchanged() {
		IOException failure = new IOException("down");
		for (int i = 0; i < 4; i++) {
			this.service.willReturn(CompletableFuture.failedFuture(failure));
			assertThat(this.service.future()).failsWithin(Duration.ZERO)
				.withThrowableOfType(java.util.concurrent.ExecutionException.class)
				.withCause(failure);
		}
		assertThat(breaker("future").state()).isEqualTo(State.OPEN);
	}

	@Test
	void aRejectedCallReturnsAFailedStageInsteadOfThrowing() {
		breaker("stage").transitionTo(State.FORCED_OPEN);
		this.service.willReturn(CompletableFuture.completedFuture("never"));
		CompletionStage<String> stage = this.service.stage();
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> stage.toCompletableFuture().join())
			.withCauseInstanceOf(CallNotPermittedException.class);
	}

	@Test
	void aFutureFallbackReceivesTheCauseAndRunsForARejection() {
		this.service.willReturn(CompletableFuture.failedFuture(new IOException("down")));
		assertThat(this.service.futureWithFallback()).isCompletedWithValue("fallback:down");
		this.service.willReturn(CompletableFuture.supplyAsync(() -> {
			throw new CompletionException(new IOException("wrapped"));
		}));
		assertThat(this.service.futureWithFallback().join()).isEqualTo("fallback:wrapped");
		breaker("future-fallback").transitionTo(State.FORCED_OPEN);
		assertThat(this.service.futureWithFallback()).isCompletedWithValue("rejected");
	}

	@Test
	void aFutureFailureThatNoFallbackAcceptsFailsTheStageWithTheOriginalCause() {
		IllegalStateException failure = new IllegalStateException("unhandled");
		this.service.willReturn(CompletableFuture.failedFuture(failure));
		assertThat(this.service.futureWithFallback()).failsWithin(Duration.ZERO)
			.withThrowableOfType(java.util.concurrent.ExecutionException.class)
			.withCause(failure);
	}

	@Test
	void aMonoTakesItsPermitOnSubscriptionAndIsRecordedOnCompletion() {
		this.service.willReturn(Mono.just("value"));
		Mono<String> mono = this.service.mono();
		assertThat(breaker("mono").metrics().bufferedCalls()).isZero();
		StepVerifier.create(mono).expectNext("value").verifyComplete();
		StepVerifier.create(mono).expectNext("value").verifyComplete();
		assertThat(breaker("mono").metrics().bufferedCalls()).isEqualTo(2);
		assertThat(breaker("mono").metrics().failedCalls()).isZero();
	}

	@Test
	void aRejectedMonoIsAnErrorSignalAndTheSourceIsNotSubscribed() {
		this.service.willReturn(Mono.error(new IOException("down")));
		for (int i = 0; i < 4; i++) {
			StepVerifier.create(this.service.mono()).expectError(IOException.class).verify();
		}
		assertThat(breaker("mono").state()).isEqualTo(State.OPEN);
		int subscriptions = this.service.subscriptions();
		Mono<String> rejected = this.service.mono();
		StepVerifier.create(rejected).expectError(CallNotPermittedException.class).verify();
		assertThat(this.service.subscriptions()).isEqualTo(subscriptions);
	}

	@Test
	void aCancelledSubscriptionCountsAsIgnored() {
		long ignored = breaker("mono").metrics().ignoredCalls();
		this.service.willReturn(Mono.never());
		StepVerifier.create(this.service.mono()).thenCancel().verify();
		assertThat(breaker("mono").metrics().ignoredCalls()).isEqualTo(ignored + 1);
		assertThat(breaker("mono").metrics().bufferedCalls()).isZero();
	}

	@Test
	void aFluxIsRecordedOnCompleteOrError() {
		this.service.willReturn(Flux.just("a", "b"));
		StepVerifier.create(this.service.flux()).expectNext("a", "b").verifyComplete();
		this.service.willReturn(Flux.concat(Flux.just("a"), Flux.error(new IOException("down"))));
		StepVerifier.create(this.service.flux()).expectNext("a").expectError(IOException.class).verify();
		assertThat(breaker("flux").metrics().bufferedCalls()).isEqualTo(2);
		assertThat(breaker("flux").metrics().failedCalls()).isOne();
		breaker("flux").transitionTo(State.FORCED_OPEN);
		StepVerifier.create(this.service.flux()).expectError(CallNotPermittedException.class).verify();
	}

	@Test
	void aMonoFallbackRunsForAnErrorAndForARejection() {
		this.service.willReturn(Mono.error(new IOException("down")));
		StepVerifier.create(this.service.monoWithFallback()).expectNext("fallback:IOException").verifyComplete();
		breaker("mono-fallback").transitionTo(State.FORCED_OPEN);
		StepVerifier.create(this.service.monoWithFallback())
			.expectNext("fallback:CallNotPermittedException")
			.verifyComplete();
	}

	@Test
	void aFluxFallbackContinuesAfterTheElementsAlreadyEmitted() {
		this.service.willReturn(Flux.concat(Flux.just("a"), Flux.error(new IOException("down"))));
		StepVerifier.create(this.service.fluxWithFallback()).expectNext("a", "fallback", "down").verifyComplete();
		this.service.willReturn(Flux.error(new IllegalStateException("unhandled")));
		StepVerifier.create(this.service.fluxWithFallback()).expectError(IllegalStateException.class).verify();
	}

	@Test
	void anExceptionThrownBeforeAnyStageExistsPropagatesAndCounts() {
		assertThatIOException().isThrownBy(this.service::throwsBeforeStage).withMessage("no stage");
		assertThat(breaker("throws-before-stage").metrics().failedCalls()).isOne();
	}

	private CircuitBreaker breaker(String name) {
		return this.registry.find(name).orElseThrow();
	}

}
