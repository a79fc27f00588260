/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CountWindow}.
 */
class CountWindowTests {

	@Test
	void countsTheCallsUntilTheRingIsFull() {
		CountWindow window = new CountWindow(5);
		window.record(true, false);
		window.record(false, true);
		window.record(true, true);
		assertThat(window.calls()).isEqualTo(3);
		assertThat(window.failures()).isEqualTo(2);
		assertThat(window.slowCalls()).isEqualTo(2);
	}

	@Test
	void holdsExactlyTheLastNCalls() {
		CountWindow window = new CountWindow(3);
		boolean[] failures = { true, false, true, true, false, false, true, false, true, true, true, false };
		for (int i = 0; i < failures.length; i++) {
			window.record(failures[i], i % 4 == 0);
			int from = Math.max(0, i - 2);
			long expectedFailures = 0;
			long expectedSlow = 0;
			for (int j = from; j <= i; j++) {
				expectedFailures += failures[j] ? 1 : 0;
				expectedSlow += (j % 4 == 0) ? 1 : 0;
			}
			assertThat(window.calls()).isEqualTo(i - from + 1);
			assertThat(window.failures()).as("failures after call %d", i).isEqualTo(expectedFailures);
			assertThat(window.slowCalls()).as("slow calls after call %d", i).isEqualTo(expectedSlow);
		}
	}

	@Test
	void aWindowOfOneHoldsTheLastCall() {
		CountWindow window = new CountWindow(1);
		window.record(true, true);
		window.record(false, false);
		assertThat(window.calls()).isOne();
		assertThat(window.failures()).isZero();
		assertThat(window.slowCalls()).isZero();
	}

}
