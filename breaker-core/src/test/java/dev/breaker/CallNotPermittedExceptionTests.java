/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tests for {@link CallNotPermittedException}.
 */
class CallNotPermittedExceptionTests {

	private final ManualTicker ticker = new ManualTicker();

	private final CircuitBreaker breaker = CircuitBreaker.of("payments",
			CircuitBreakerConfig.builder()
				.slidingWindowSize(1)
				.minimumNumberOfCalls(1)
				.waitDurationInOpenState(Duration.ofSeconds(20))
				.build(),
			this.ticker);

	@Test
	void carriesTheBreakerNameStateAndRetryAfter() {
		Outcomes.fail(this.breaker, 1);
		this.ticker.advance(Duration.ofSeconds(5));
		CallNotPermittedException rejection = reject();
		assertThat(rejection).isInstanceOf(RuntimeException.class)
			.hasMessage("Circuit breaker 'payments' is OPEN and does not permit calls");
		assertThat(rejection.breakerName()).isEqualTo("payments");
		assertThat(rejection.state()).isEqualTo(State.OPEN);
		assertThat(rejection.retryAfter()).isEqualTo(Duration.ofSeconds(15));
	}

	@Test
	void hasNoStackTraceAndNoSuppressedExceptions() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		CallNotPermittedException rejection = reject();
		assertThat(rejection.getStackTrace()).isEmpty();
		assertThat(rejection.getCause()).isNull();
		rejection.addSuppressed(new IllegalStateException("would leak into every rejection"));
		assertThat(rejection.getSuppressed()).isEmpty();
		assertThat(reject().getSuppressed()).isEmpty();
	}

	@Test
	void retryAfterIsZeroWhenUnknown() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(reject().retryAfter()).isZero();
		assertThat(new CallNotPermittedException("x", State.OPEN, null).retryAfter()).isZero();
		assertThat(new CallNotPermittedException("x", State.OPEN, () -> -5).retryAfter()).isZero();
	}

	private CallNotPermittedException reject() {
		return catchThrowableOfType(CallNotPermittedException.class, this.breaker::acquirePermission);
	}

}
