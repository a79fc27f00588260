/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for a CLOSED breaker with a time-based window of one-second buckets.
 */
class TimeBasedWindowTests {

	private final ManualTicker ticker = new ManualTicker(Duration.ofHours(1).toNanos());

	@Test
	void countsTheCallsOfTheLastNSeconds() {
		CircuitBreaker breaker = breaker(3, 100);
		Outcomes.fail(breaker, 1);
		this.ticker.advance(Duration.ofSeconds(1));
		Outcomes.succeed(breaker, 2);
		this.ticker.advance(Duration.ofSeconds(1));
		Outcomes.succeed(breaker, 3);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(6);
		this.ticker.advance(Duration.ofSeconds(1));
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(5);
		assertThat(breaker.metrics().failedCalls()).isZero();
		this.ticker.advance(Duration.ofSeconds(1));
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(3);
		this.ticker.advance(Duration.ofSeconds(1));
		assertThat(breaker.metrics().bufferedCalls()).isZero();
	}

	@Test
	void dropsWholeOneSecondBuckets() {
		CircuitBreaker breaker = breaker(3, 100);
		this.ticker.advance(Duration.ofMillis(900));
		Outcomes.succeed(breaker, 1);
		// 2.1s later the call's second (the bucket) is three seconds old
		this.ticker.advance(Duration.ofMillis(2099));
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
		this.ticker.advance(Duration.ofMillis(1));
		assertThat(breaker.metrics().bufferedCalls()).isZero();
	}

	@Test
	void expiredFailuresNoLongerCountTowardsATrip() {
		CircuitBreaker breaker = breaker(2, 4);
		Outcomes.fail(breaker, 2);
		this.ticker.advance(Duration.ofSeconds(2));
		// had the two failures stayed, these would make 4 calls at 50% and trip
		Outcomes.succeed(breaker, 2);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(3);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		assertThat(breaker.transitions().get(0).reason()).isEqualTo("failure rate 50% >= 50% over 4 calls");
	}

	@Test
	void reusesTheSlotOfAnExpiredSecondWithoutCountingItsCalls() {
		CircuitBreaker breaker = breaker(2, 100);
		Outcomes.fail(breaker, 5);
		this.ticker.advance(Duration.ofSeconds(2));
		// the same slot of the ring now belongs to a new second
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
		assertThat(breaker.metrics().failedCalls()).isZero();
	}

	@Test
	void doesNotCapTheMinimumNumberOfCallsAtTheWindowSize() {
		CircuitBreaker breaker = breaker(2, 5);
		assertThat(breaker.config().effectiveMinimumNumberOfCalls()).isEqualTo(5);
		Outcomes.fail(breaker, 4);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		Outcomes.fail(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void worksOnATickerThatReadsNegativeTime() {
		ManualTicker negative = new ManualTicker(-Duration.ofMillis(1500).toNanos());
		CircuitBreaker breaker = CircuitBreaker.of("test",
				CircuitBreakerConfig.builder()
					.slidingWindowType(SlidingWindowType.TIME_BASED)
					.slidingWindowSize(2)
					.minimumNumberOfCalls(100)
					.build(),
				negative);
		Outcomes.fail(breaker, 1);
		negative.advance(Duration.ofSeconds(1));
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(2);
		negative.advance(Duration.ofMillis(500));
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
		assertThat(breaker.metrics().failedCalls()).isZero();
	}

	private CircuitBreaker breaker(int seconds, int minimumCalls) {
		return CircuitBreaker.of("test",
				CircuitBreakerConfig.builder()
					.slidingWindowType(SlidingWindowType.TIME_BASED)
					.slidingWindowSize(seconds)
					.minimumNumberOfCalls(minimumCalls)
					.build(),
				this.ticker);
	}

}
