/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link CircuitBreakerMetrics} snapshot: window counts, rates and
 * cumulative totals.
 */
class MetricsTests {

	private final ManualTicker ticker = new ManualTicker();

	private final CircuitBreaker breaker = CircuitBreaker.of("metrics",
			CircuitBreakerConfig.builder()
				.slidingWindowSize(4)
				.minimumNumberOfCalls(3)
				.failureRateThreshold(100)
				.slowCallRateThreshold(100)
				.slowCallDurationThreshold(Duration.ofSeconds(1))
				.waitDurationInOpenState(Duration.ofSeconds(10))
				.build(),
			this.ticker);

	@Test
	void reportsTheWindowAndTheCumulativeCounts() {
		Outcomes.succeed(this.breaker, 1);
		Outcomes.fail(this.breaker, 1);
		Outcomes.succeedSlowly(this.breaker, 1, Duration.ofSeconds(1));
		this.breaker.onIgnored(this.breaker.acquirePermission());
		assertThat(this.breaker.metrics())
			.isEqualTo(new CircuitBreakerMetrics(100f / 3, 100f / 3, 3, 1, 1, 2, 1, 1, 0, 1));
	}

	@Test
	void showsRatesOnlyOnceTheMinimumNumberOfCallsIsBuffered() {
		Outcomes.fail(this.breaker, 2);
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(-1f);
		assertThat(this.breaker.metrics().slowCallRate()).isEqualTo(-1f);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(2);
		Outcomes.succeed(this.breaker, 1);
		assertThat(this.breaker.metrics().failureRate()).isEqualTo(200f / 3);
		assertThat(this.breaker.metrics().slowCallRate()).isZero();
	}

	@Test
	void keepsCumulativeTotalsAcrossTransitionsButNotTheWindow() {
		Outcomes.succeed(this.breaker, 1);
		Outcomes.fail(this.breaker, 3);
		this.breaker.transitionTo(State.FORCED_OPEN);
		for (int i = 0; i < 5; i++) {
			try {
				this.breaker.acquirePermission();
			}
			catch (CallNotPermittedException ex) {
				// counted
			}
		}
		this.breaker.transitionTo(State.CLOSED);
		CircuitBreakerMetrics metrics = this.breaker.metrics();
		assertThat(metrics.bufferedCalls()).isZero();
		assertThat(metrics.failedCalls()).isZero();
		assertThat(metrics.successfulCalls()).isEqualTo(1);
		assertThat(metrics.failedCallsTotal()).isEqualTo(3);
		assertThat(metrics.notPermittedCalls()).isEqualTo(5);
	}

	@Test
	void forcedOpenAndDisabledShowTheWindowTheyCameFrom() {
		Outcomes.succeed(this.breaker, 2);
		Outcomes.fail(this.breaker, 1);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.metrics().bufferedCalls()).isEqualTo(3);
		this.breaker.transitionTo(State.DISABLED);
		Outcomes.fail(this.breaker, 10);
		assertThat(this.breaker.metrics().bufferedCalls()).isEqualTo(3);
		assertThat(this.breaker.metrics().failedCalls()).isEqualTo(1);
		assertThat(this.breaker.metrics().failedCallsTotal()).isEqualTo(11);
	}

	@Test
	void aSnapshotDoesNotChangeAfterwards() {
		Outcomes.fail(this.breaker, 1);
		CircuitBreakerMetrics snapshot = this.breaker.metrics();
		Outcomes.succeed(this.breaker, 3);
		assertThat(snapshot.bufferedCalls()).isOne();
		assertThat(snapshot.successfulCalls()).isZero();
	}

}
