/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for transitions by hand and {@link CircuitBreaker#reset()}.
 */
class ManualTransitionTests {

	private final ManualTicker ticker = new ManualTicker();

	private final CircuitBreaker breaker = CircuitBreaker.of("test",
			CircuitBreakerConfig.builder()
				.slidingWindowSize(4)
				.minimumNumberOfCalls(4)
				.waitDurationInOpenState(Duration.ofSeconds(1))
				.build(),
			this.ticker);

	@Test
	void forcedOpenRejectsEveryCallUntilClosedByHand() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.ticker.advance(Duration.ofDays(1));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.FORCED_OPEN))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isZero());
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.CLOSED);
		Outcomes.succeed(this.breaker, 1);
		assertThat(this.breaker.metrics().notPermittedCalls()).isEqualTo(1);
	}

	@Test
	void disabledAdmitsEveryCallAndNeverTrips() {
		this.breaker.transitionTo(State.DISABLED);
		Outcomes.fail(this.breaker, 1000);
		assertThat(this.breaker.state()).isEqualTo(State.DISABLED);
		assertThat(this.breaker.metrics().failedCallsTotal()).isEqualTo(1000);
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
	}

	@Test
	void closingByHandStartsWithAnEmptyWindow() {
		Outcomes.fail(this.breaker, 4);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		Outcomes.fail(this.breaker, 3);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		StateTransition transition = this.breaker.transitions().get(0);
		assertThat(transition.from()).isEqualTo(State.OPEN);
		assertThat(transition.reason()).isEqualTo("manual transition");
	}

	@Test
	void refusesToSetAnAutomaticStateByHand() {
		for (State state : new State[] { State.OPEN, State.HALF_OPEN }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.breaker.transitionTo(state))
				.withMessage(
						"Circuit breaker 'test' can be transitioned by hand to FORCED_OPEN, DISABLED or CLOSED, not "
								+ state);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> this.breaker.transitionTo(null));
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.transitions()).isEmpty();
	}

	@Test
	void transitioningToTheCurrentStateDoesNothing() {
		Outcomes.fail(this.breaker, 2);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.breaker.transitions()).isEmpty();
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(2);
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.transitions()).hasSize(1);
	}

	@Test
	void movesBetweenTheManualStates() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.DISABLED);
		Outcomes.succeed(this.breaker, 1);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.transitions()).extracting(StateTransition::to)
			.containsExactly(State.FORCED_OPEN, State.DISABLED, State.FORCED_OPEN);
	}

	@Test
	void resetClosesWithAnEmptyWindowAndKeepsTotalsAndHistory() {
		Outcomes.succeed(this.breaker, 1);
		Outcomes.fail(this.breaker, 3);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission);
		this.breaker.reset();
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		CircuitBreakerMetrics metrics = this.breaker.metrics();
		assertThat(metrics.bufferedCalls()).isZero();
		assertThat(metrics.failedCalls()).isZero();
		assertThat(metrics.successfulCalls()).isEqualTo(1);
		assertThat(metrics.failedCallsTotal()).isEqualTo(3);
		assertThat(metrics.notPermittedCalls()).isEqualTo(1);
		assertThat(this.breaker.transitions()).extracting(StateTransition::reason)
			.containsExactly("reset", "failure rate 75% >= 50% over 4 calls");
	}

	@Test
	void resetWhileClosedEmptiesTheWindowWithoutATransition() {
		Outcomes.fail(this.breaker, 3);
		this.breaker.reset();
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		assertThat(this.breaker.transitions()).isEmpty();
		Outcomes.fail(this.breaker, 3);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void resetDropsTheOutcomesOfCallsAdmittedBeforeIt() {
		long before = this.breaker.acquirePermission();
		this.breaker.reset();
		this.breaker.onError(before, 0, new IllegalStateException("late"));
		assertThat(this.breaker.metrics().bufferedCalls()).isZero();
		assertThat(this.breaker.metrics().failedCallsTotal()).isEqualTo(1);
	}

	@Test
	void resetStartsTheOpenWaitAfresh() {
		CircuitBreaker growing = CircuitBreaker.of("growing",
				CircuitBreakerConfig.builder()
					.slidingWindowSize(1)
					.minimumNumberOfCalls(1)
					.permittedNumberOfCallsInHalfOpenState(1)
					.waitDurationInOpenState(Duration.ofSeconds(1))
					.waitDurationMultiplier(10)
					.build(),
				this.ticker);
		Outcomes.fail(growing, 1);
		this.ticker.advance(Duration.ofSeconds(1));
		Outcomes.fail(growing, 1);
		growing.reset();
		Outcomes.fail(growing, 1);
		this.ticker.advance(Duration.ofSeconds(1));
		growing.acquirePermission();
		assertThat(growing.state()).isEqualTo(State.HALF_OPEN);
	}

}
