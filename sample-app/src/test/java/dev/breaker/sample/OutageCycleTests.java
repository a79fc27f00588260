/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class OutageCycleTests {

	private final OutageCycle cycle = new OutageCycle(Duration.ofSeconds(45), Duration.ofSeconds(15));

	@Test
	void startsHealthyAndCountsDownToTheFirstOutage() {
		assertThat(this.cycle.inOutage(Duration.ZERO)).isFalse();
		assertThat(this.cycle.untilChange(Duration.ofSeconds(10))).isEqualTo(Duration.ofSeconds(20));
		assertThat(this.cycle.inOutage(Duration.ofMillis(29_999))).isFalse();
	}

	@Test
	void outageFillsTheEndOfEachCycleAndCountsDownToItsEnd() {
		assertThat(this.cycle.inOutage(Duration.ofSeconds(30))).isTrue();
		assertThat(this.cycle.inOutage(Duration.ofMillis(44_999))).isTrue();
		assertThat(this.cycle.untilChange(Duration.ofSeconds(40))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void repeatsEveryCycle() {
		assertThat(this.cycle.inOutage(Duration.ofSeconds(45))).isFalse();
		assertThat(this.cycle.inOutage(Duration.ofSeconds(45 * 3 + 31))).isTrue();
	}

	@Test
	void rejectsAnOutageLongerThanTheCycle() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new OutageCycle(Duration.ofSeconds(10), Duration.ofSeconds(11)))
			.withMessageContaining("sample.outages");
	}

}
