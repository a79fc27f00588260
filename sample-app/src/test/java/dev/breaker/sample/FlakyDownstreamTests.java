/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.assertj.core.data.Percentage;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class FlakyDownstreamTests {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T12:00:00Z"), ZoneOffset.UTC);

	/** The downstream fails a request when the random draw is under its failure rate. */
	private static final double DRAW = 0.85;

	private final FlakyDownstream downstream = new FlakyDownstream(new DownstreamSettings(0.05, 0), CLOCK, () -> DRAW);

	@Test
	void answersAFreshQuoteWhenTheDrawIsAboveTheFailureRate() {
		Quote quote = this.downstream.fetch("ACME");
		assertThat(quote.symbol()).isEqualTo("ACME");
		assertThat(quote.price()).isPositive();
		assertThat(quote.asOf()).isEqualTo(CLOCK.instant());
		assertThat(quote.stale()).isFalse();
		assertThat(quote.staleReason()).isNull();
	}

	@Test
	void failsWhenTheDrawIsUnderTheFailureRate() {
		this.downstream.update(new DownstreamSettings(0.9, 0));
		assertThatExceptionOfType(DownstreamException.class).isThrownBy(() -> this.downstream.fetch("ACME"))
			.withMessage("price service failed for ACME");
	}

	@Test
	void anOutageRaisesTheFailureRateButNeverLowersIt() {
		this.downstream.outage(true);
		assertThatExceptionOfType(DownstreamException.class).isThrownBy(() -> this.downstream.fetch("ACME"))
			.withMessageContaining("(outage)");
		this.downstream.outage(false);
		assertThat(this.downstream.fetch("ACME").stale()).isFalse();
	}

	@Test
	void pricesWalkFromTheLastOne() {
		double first = this.downstream.fetch("ACME").price().doubleValue();
		double second = this.downstream.fetch("ACME").price().doubleValue();
		assertThat(second).isCloseTo(first, Percentage.withPercentage(1));
	}

	@Test
	void settingsRejectAFailureRateAboveOne() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DownstreamSettings(1.5, 0))
			.withMessage("failureRate must be between 0.0 and 1.0, was 1.5");
	}

	@Test
	void settingsRejectANegativeLatency() {
		assertThatIllegalArgumentException().isThrownBy(() -> new DownstreamSettings(0.5, -1))
			.withMessageContaining("latencyMs must be between 0 and 10000");
	}

}
