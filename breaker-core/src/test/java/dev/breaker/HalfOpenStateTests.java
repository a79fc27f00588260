/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreakerConfig.Builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the trial of a HALF_OPEN breaker.
 */
class HalfOpenStateTests {

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ManualTicker ticker = new ManualTicker();

	@Test
	void admitsOnlyThePermittedNumberOfTrialCalls() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(3));
		breaker.acquirePermission();
		breaker.acquirePermission();
		breaker.acquirePermission();
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.HALF_OPEN))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isZero());
		assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(1);
	}

	@Test
	void closesAfterThePermittedTrialCallsSucceed() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(3));
		Outcomes.succeed(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.transitions().get(0).reason())
			.isEqualTo("3 trial calls: failure rate 0%, slow-call rate 0%");
		assertThat(breaker.metrics().bufferedCalls()).isZero();
	}

	@Test
	void closesWhenTheTrialStaysUnderBothThresholds() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(4)
			.failureRateThreshold(50)
			.slowCallRateThreshold(50)
			.slowCallDurationThreshold(Duration.ofSeconds(1)));
		Outcomes.fail(breaker, 1);
		Outcomes.succeedSlowly(breaker, 1, Duration.ofSeconds(1));
		Outcomes.succeed(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.transitions().get(0).reason())
			.isEqualTo("4 trial calls: failure rate 25%, slow-call rate 25%");
	}

	@Test
	void reopensAsSoonAsTooManyTrialCallsFailed() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(4));
		long outstanding = breaker.acquirePermission();
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		Outcomes.fail(breaker, 1);
		// two of four failed: 50% whatever the other two do, so no need to wait for them
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("2 of 4 trial calls failed (50% >= 50%)");
		breaker.onSuccess(outstanding, 0);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(2);
	}

	@Test
	void reopensAsSoonAsTooManyTrialCallsWereSlow() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(4)
			.slowCallRateThreshold(75)
			.slowCallDurationThreshold(Duration.ofSeconds(2)));
		Outcomes.failSlowly(breaker, 1, Duration.ofSeconds(2));
		Outcomes.succeedSlowly(breaker, 1, Duration.ofSeconds(3));
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		Outcomes.succeedSlowly(breaker, 1, Duration.ofSeconds(2));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("3 of 4 trial calls were slow (75% >= 75%)");
	}

	@Test
	void reopensWhenTheTrialIsNotDoneInTime() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(2)
			.maxWaitDurationInHalfOpenState(Duration.ofSeconds(5)));
		Outcomes.succeed(breaker, 1);
		this.ticker.advance(Duration.ofSeconds(5).minusNanos(1));
		long last = breaker.acquirePermission();
		breaker.onIgnored(last);
		this.ticker.advance(Duration.ofNanos(1));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.OPEN));
		StateTransition reopen = breaker.transitions().get(0);
		assertThat(reopen.from()).isEqualTo(State.HALF_OPEN);
		assertThat(reopen.reason()).isEqualTo("trial calls not completed within 5s");
	}

	@Test
	void aTrialThatCompletesAfterTheMaxWaitReopensInsteadOfClosing() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(2)
			.maxWaitDurationInHalfOpenState(Duration.ofSeconds(5)));
		long first = breaker.acquirePermission();
		long second = breaker.acquirePermission();
		breaker.onSuccess(first, 0);
		this.ticker.advance(Duration.ofSeconds(5));
		// no call arrived in between to notice the deadline: the outcome must
		breaker.onSuccess(second, 0);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("trial calls not completed within 5s");
	}

	@Test
	void waitsForTheTrialForeverWhenTheMaxWaitIsZero() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(2));
		long first = breaker.acquirePermission();
		long second = breaker.acquirePermission();
		this.ticker.advance(Duration.ofDays(1));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(breaker::acquirePermission);
		breaker.onSuccess(first, 0);
		breaker.onSuccess(second, 0);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void anIgnoredTrialCallReleasesItsPermit() {
		CircuitBreaker breaker = halfOpenBreaker(
				(b) -> b.permittedNumberOfCallsInHalfOpenState(1).ignoreExceptions(IllegalStateException.class));
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> breaker.run(() -> {
			throw new IllegalStateException("ignored");
		}));
		long cancelled = breaker.acquirePermission();
		breaker.onIgnored(cancelled);
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		// and one more ignored call: the one that moved the breaker to HALF_OPEN
		assertThat(breaker.metrics().ignoredCalls()).isEqualTo(3);
	}

	@Test
	void showsTheTrialInTheMetrics() {
		CircuitBreaker breaker = halfOpenBreaker((b) -> b.permittedNumberOfCallsInHalfOpenState(4));
		Outcomes.fail(breaker, 1);
		Outcomes.succeed(breaker, 2);
		CircuitBreakerMetrics metrics = breaker.metrics();
		assertThat(metrics.bufferedCalls()).isEqualTo(3);
		assertThat(metrics.failedCalls()).isEqualTo(1);
		// rates are shown once the whole trial is in
		assertThat(metrics.failureRate()).isEqualTo(-1f);
		breaker.onError(breaker.acquirePermission(), 0, new IOException("boom"));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.metrics().failureRate()).isEqualTo(50f);
	}

	private CircuitBreaker halfOpenBreaker(UnaryOperator<Builder> customizer) {
		Builder builder = CircuitBreakerConfig.builder()
			.slidingWindowSize(2)
			.minimumNumberOfCalls(2)
			.waitDurationInOpenState(WAIT);
		CircuitBreaker breaker = CircuitBreaker.of("test", customizer.apply(builder).build(), this.ticker);
		Outcomes.fail(breaker, 2);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		this.ticker.advance(WAIT);
		breaker.onIgnored(breaker.acquirePermission());
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		return breaker;
	}

}
