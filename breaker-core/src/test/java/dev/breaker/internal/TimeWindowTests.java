/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.breaker.ManualTicker;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TimeWindow}.
 */
class TimeWindowTests {

	private final ManualTicker ticker = new ManualTicker(Duration.ofDays(1).toNanos());

	@Test
	void countsTheCallsOfTheCurrentSeconds() {
		TimeWindow window = new TimeWindow(3, this.ticker);
		window.record(true, false);
		this.ticker.advance(Duration.ofSeconds(1));
		window.record(false, true);
		this.ticker.advance(Duration.ofSeconds(1));
		window.record(true, true);
		assertThat(window.calls()).isEqualTo(3);
		assertThat(window.failures()).isEqualTo(2);
		assertThat(window.slowCalls()).isEqualTo(2);
	}

	@Test
	void dropsTheBucketsThatSlideOutWhenRead() {
		TimeWindow window = new TimeWindow(3, this.ticker);
		window.record(true, true);
		this.ticker.advance(Duration.ofSeconds(2));
		window.record(false, false);
		this.ticker.advance(Duration.ofSeconds(1));
		assertThat(window.calls()).isOne();
		assertThat(window.failures()).isZero();
		assertThat(window.slowCalls()).isZero();
		this.ticker.advance(Duration.ofSeconds(2));
		assertThat(window.calls()).isZero();
	}

	@Test
	void retiresTheBucketItReplacesInASlot() {
		TimeWindow window = new TimeWindow(2, this.ticker);
		window.record(true, false);
		window.record(true, false);
		this.ticker.advance(Duration.ofSeconds(2));
		window.record(false, false);
		// no read in between: the record itself retired the old second
		assertThat(window.failures()).isZero();
		assertThat(window.calls()).isOne();
	}

	@Test
	void forgetsEverythingAfterALongPause() {
		TimeWindow window = new TimeWindow(5, this.ticker);
		for (int i = 0; i < 5; i++) {
			window.record(true, true);
			this.ticker.advance(Duration.ofMillis(700));
		}
		this.ticker.advance(Duration.ofHours(3));
		assertThat(window.calls()).isZero();
		assertThat(window.failures()).isZero();
		assertThat(window.slowCalls()).isZero();
		window.record(false, true);
		assertThat(window.calls()).isOne();
		assertThat(window.slowCalls()).isOne();
	}

}
