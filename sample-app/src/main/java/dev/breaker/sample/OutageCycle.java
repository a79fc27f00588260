/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Duration;

/**
 * The demo's outage schedule: healthy for {@code every - length}, then an outage for
 * {@code length}, repeated, counted from the moment the cycle starts.
 *
 * @param every time from the start of one cycle to the start of the next
 * @param length how long the outage at the end of each cycle lasts
 */
record OutageCycle(Duration every, Duration length) {

	OutageCycle {
		if (every.isNegative() || every.isZero() || length.isNegative() || length.compareTo(every) > 0) {
			throw new IllegalArgumentException("sample.outages needs 0 <= length <= every and every > 0, was every="
					+ every + " length=" + length);
		}
	}

	/**
	 * Whether an outage is in progress.
	 * @param sinceStart time since the cycle started
	 * @return {@code true} during an outage
	 */
	boolean inOutage(Duration sinceStart) {
		return phase(sinceStart).compareTo(healthy()) >= 0;
	}

	/**
	 * Time until the outage starts or ends, whichever is next.
	 * @param sinceStart time since the cycle started
	 * @return the time to the next change
	 */
	Duration untilChange(Duration sinceStart) {
		Duration phase = phase(sinceStart);
		return inOutage(sinceStart) ? this.every.minus(phase) : healthy().minus(phase);
	}

	private Duration healthy() {
		return this.every.minus(this.length);
	}

	private Duration phase(Duration sinceStart) {
		return Duration.ofNanos(sinceStart.toNanos() % this.every.toNanos());
	}

}
