/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Properties of the packing of three counts into one {@code long}.
 */
class TotalsTests {

	@Property
	void decodesWhatWasPacked(@ForAll @LongRange(min = -Totals.MAX, max = Totals.MAX) long calls,
			@ForAll @LongRange(min = -Totals.MAX, max = Totals.MAX) long failures,
			@ForAll @LongRange(min = -Totals.MAX, max = Totals.MAX) long slow) {
		long packed = Totals.of(calls, failures, slow);
		assertThat(Totals.calls(packed)).isEqualTo(calls);
		assertThat(Totals.failures(packed)).isEqualTo(failures);
		assertThat(Totals.slow(packed)).isEqualTo(slow);
	}

	@Property
	void addsAndSubtractsFieldByField(@ForAll @LongRange(min = 0, max = Totals.MAX / 2) long calls,
			@ForAll @LongRange(min = 0, max = Totals.MAX / 2) long failures,
			@ForAll @LongRange(min = 0, max = Totals.MAX / 2) long slow, @ForAll boolean failure,
			@ForAll boolean slowCall) {
		long delta = Totals.delta(failure, slowCall);
		long added = Totals.of(calls, failures, slow) + delta;
		assertThat(Totals.calls(added)).isEqualTo(calls + 1);
		assertThat(Totals.failures(added)).isEqualTo(failures + (failure ? 1 : 0));
		assertThat(Totals.slow(added)).isEqualTo(slow + (slowCall ? 1 : 0));
		// a call subtracted before it was added leaves a transiently negative field
		long borrowed = Totals.of(calls, failures, slow) - delta;
		assertThat(Totals.calls(borrowed)).isEqualTo(calls - 1);
		assertThat(Totals.failures(borrowed)).isEqualTo(failures - (failure ? 1 : 0));
		assertThat(Totals.slow(borrowed)).isEqualTo(slow - (slowCall ? 1 : 0));
	}

}
