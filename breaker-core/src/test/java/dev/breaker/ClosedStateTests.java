/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreakerConfig.Builder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the trip conditions of a CLOSED breaker with a count-based window.
 */
class ClosedStateTests {

	private final ManualTicker ticker = new ManualTicker();

	@Test
	void opensWhenTheFailureRateReachesTheThresholdExactly() {
		CircuitBreaker breaker = breaker(
				(b) -> b.slidingWindowSize(10).minimumNumberOfCalls(10).failureRateThreshold(40));
		Outcomes.succeed(breaker, 6);
		Outcomes.fail(breaker, 3);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("failure rate 40% >= 40% over 10 calls");
	}

	@Test
	void staysClosedJustBelowTheFailureRateThreshold() {
		CircuitBreaker breaker = breaker(
				(b) -> b.slidingWindowSize(10).minimumNumberOfCalls(10).failureRateThreshold(41));
		Outcomes.succeed(breaker, 6);
		Outcomes.fail(breaker, 4);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().failureRate()).isEqualTo(40f);
	}

	@Test
	void opensWhenTheSlowCallRateReachesTheThresholdExactly() {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(10)
			.minimumNumberOfCalls(10)
			.slowCallRateThreshold(30)
			.slowCallDurationThreshold(Duration.ofSeconds(1)));
		Outcomes.succeed(breaker, 7);
		Outcomes.succeedSlowly(breaker, 2, Duration.ofSeconds(1));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.succeedSlowly(breaker, 1, Duration.ofSeconds(1));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("slow-call rate 30% >= 30% over 10 calls");
	}

	@Test
	void aCallJustUnderTheSlowCallDurationIsNotSlow() {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(2)
			.minimumNumberOfCalls(2)
			.slowCallRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofSeconds(1)));
		Outcomes.succeedSlowly(breaker, 2, Duration.ofSeconds(1).minusNanos(1));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().slowCalls()).isZero();
	}

	@Test
	void measuresTheDurationOfAGuardedCallWithItsTicker() throws Exception {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(1)
			.minimumNumberOfCalls(1)
			.slowCallRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofMillis(500)));
		breaker.call(() -> this.ticker.advance(Duration.ofMillis(499)));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		breaker.run(() -> this.ticker.advance(Duration.ofMillis(500)));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().slowCallsTotal()).isEqualTo(1);
	}

	@Test
	void evaluatesNothingBeforeTheMinimumNumberOfCalls() {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(10).minimumNumberOfCalls(5));
		Outcomes.fail(breaker, 4);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().failureRate()).isEqualTo(-1f);
		assertThat(breaker.metrics().slowCallRate()).isEqualTo(-1f);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void capsTheMinimumNumberOfCallsAtTheSizeOfACountWindow() {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(4).minimumNumberOfCalls(100));
		assertThat(breaker.config().effectiveMinimumNumberOfCalls()).isEqualTo(4);
		Outcomes.succeed(breaker, 2);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.metrics().failureRate()).isEqualTo(-1f);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void forgetsTheOldestCallOnceTheCountWindowIsFull() {
		CircuitBreaker breaker = breaker(
				(b) -> b.slidingWindowSize(4).minimumNumberOfCalls(4).failureRateThreshold(50));
		Outcomes.fail(breaker, 1);
		Outcomes.succeed(breaker, 3);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(4);
		assertThat(breaker.metrics().failedCalls()).isZero();
		// three rounds of the ring: the window always holds exactly the last four calls
		for (int round = 0; round < 3; round++) {
			Outcomes.fail(breaker, 1);
			Outcomes.succeed(breaker, 3);
			assertThat(breaker.metrics().bufferedCalls()).isEqualTo(4);
			assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
			assertThat(breaker.metrics().failureRate()).isEqualTo(25f);
		}
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(2);
	}

	@Test
	void opensAfterTheConfiguredNumberOfFailuresInARow() {
		CircuitBreaker breaker = breaker((b) -> b.consecutiveFailuresThreshold(3));
		Outcomes.fail(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("3 consecutive failures (threshold 3)");
	}

	@Test
	void aSuccessBreaksARunOfFailures() {
		CircuitBreaker breaker = breaker((b) -> b.consecutiveFailuresThreshold(3));
		Outcomes.fail(breaker, 2);
		Outcomes.succeed(breaker, 1);
		Outcomes.fail(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void countsNoRunOfFailuresWhenTheThresholdIsZero() {
		CircuitBreaker breaker = breaker((b) -> b.slidingWindowSize(100).minimumNumberOfCalls(100));
		Outcomes.fail(breaker, 99);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void admitsEveryCallWhileClosed() {
		CircuitBreaker breaker = breaker((b) -> b.failureRateThreshold(100));
		Outcomes.succeed(breaker, 1000);
		assertThat(breaker.metrics().notPermittedCalls()).isZero();
		assertThat(breaker.metrics().successfulCalls()).isEqualTo(1000);
	}

	private CircuitBreaker breaker(UnaryOperator<Builder> customizer) {
		return CircuitBreaker.of("test", customizer.apply(CircuitBreakerConfig.builder()).build(), this.ticker);
	}

}
