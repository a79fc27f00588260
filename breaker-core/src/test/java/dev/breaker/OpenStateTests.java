/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for an OPEN breaker: rejection, the wait, its growth and the move to HALF_OPEN.
 */
class OpenStateTests {

	private final ManualTicker ticker = new ManualTicker();

	@Test
	void rejectsCallsWithoutRunningThem() {
		CircuitBreaker breaker = openBreaker(config().build());
		AtomicBoolean ran = new AtomicBoolean();
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(() -> breaker.run(() -> ran.set(true)))
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.OPEN));
		assertThat(ran).isFalse();
		assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(1);
	}

	@Test
	void movesToHalfOpenOnTheFirstCallAfterTheWait() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(10)).build());
		this.ticker.advance(Duration.ofSeconds(10).minusNanos(1));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(breaker::acquirePermission);
		this.ticker.advance(Duration.ofNanos(1));
		// no scheduler: the state changes only when a call arrives
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		breaker.acquirePermission();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("waited 10s");
	}

	@Test
	void tellsHowLongUntilATrialCallMayBeMade() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(10)).build());
		CallNotPermittedException rejection = rejection(breaker);
		assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(10));
		this.ticker.advance(Duration.ofSeconds(4));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(6));
		this.ticker.advance(Duration.ofSeconds(7));
		// the exception measures when asked: this generation's wait is over
		assertThat(rejection.retryAfter()).isZero();
	}

	@Test
	void eachConsecutiveReopenWaitsLongerUpToTheCap() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(10))
			.waitDurationMultiplier(2)
			.maxWaitDurationInOpenState(Duration.ofSeconds(35))
			.build());
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(10));
		reopenAfterTrial(breaker, Duration.ofSeconds(10));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(20));
		reopenAfterTrial(breaker, Duration.ofSeconds(20));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(35));
		reopenAfterTrial(breaker, Duration.ofSeconds(35));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(35));
	}

	@Test
	void growsTheWaitByAFractionalMultiplier() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(2))
			.waitDurationMultiplier(1.5)
			.maxWaitDurationInOpenState(Duration.ofMinutes(1))
			.build());
		reopenAfterTrial(breaker, Duration.ofSeconds(2));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(3));
		reopenAfterTrial(breaker, Duration.ofSeconds(3));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofMillis(4500));
	}

	@Test
	void waitsTheSameTimeOnEveryReopenWithoutAMultiplier() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(5)).build());
		for (int i = 0; i < 3; i++) {
			reopenAfterTrial(breaker, Duration.ofSeconds(5));
			assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(5));
		}
	}

	@Test
	void closingResetsTheGrowingWait() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ofSeconds(10))
			.waitDurationMultiplier(3)
			.maxWaitDurationInOpenState(Duration.ofMinutes(5))
			.build());
		reopenAfterTrial(breaker, Duration.ofSeconds(10));
		reopenAfterTrial(breaker, Duration.ofSeconds(30));
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(90));
		this.ticker.advance(Duration.ofSeconds(90));
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(rejection(breaker).retryAfter()).isEqualTo(Duration.ofSeconds(10));
	}

	@Test
	void aZeroWaitMovesToHalfOpenOnTheNextCall() {
		CircuitBreaker breaker = openBreaker(config().waitDurationInOpenState(Duration.ZERO).build());
		breaker.acquirePermission();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
	}

	@Test
	void keepsShowingTheWindowThatTrippedIt() {
		CircuitBreaker breaker = CircuitBreaker.of("test",
				config().slidingWindowSize(4).minimumNumberOfCalls(4).permittedNumberOfCallsInHalfOpenState(1).build(),
				this.ticker);
		Outcomes.succeed(breaker, 1);
		Outcomes.fail(breaker, 3);
		CircuitBreakerMetrics metrics = breaker.metrics();
		assertThat(metrics.bufferedCalls()).isEqualTo(4);
		assertThat(metrics.failedCalls()).isEqualTo(3);
		assertThat(metrics.failureRate()).isEqualTo(75f);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	private void reopenAfterTrial(CircuitBreaker breaker, Duration wait) {
		this.ticker.advance(wait);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	private CallNotPermittedException rejection(CircuitBreaker breaker) {
		try {
			breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			return ex;
		}
		throw new AssertionError("Expected a rejection from " + breaker);
	}

	private CircuitBreakerConfig.Builder config() {
		return CircuitBreakerConfig.builder()
			.slidingWindowSize(1)
			.minimumNumberOfCalls(1)
			.permittedNumberOfCallsInHalfOpenState(1);
	}

	private CircuitBreaker openBreaker(CircuitBreakerConfig config) {
		CircuitBreaker breaker = CircuitBreaker.of("test", config, this.ticker);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		return breaker;
	}

}
