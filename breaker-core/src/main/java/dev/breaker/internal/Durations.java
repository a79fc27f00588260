/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.time.Duration;

/**
 * Durations in the short form an operator reads in a log line: {@code 60s},
 * {@code 250ms}, {@code 2m30s}.
 */
final class Durations {

	private Durations() {
	}

	static String format(long nanos) {
		Duration duration = Duration.ofNanos(nanos);
		if (duration.isZero()) {
			return "0s";
		}
		if (duration.toMillis() < 1000) {
			return (duration.toNanos() % 1_000_000 == 0) ? duration.toMillis() + "ms" : duration.toNanos() + "ns";
		}
		StringBuilder text = new StringBuilder();
		if (duration.toHours() > 0) {
			text.append(duration.toHours()).append('h');
		}
		if (duration.toMinutesPart() > 0) {
			text.append(duration.toMinutesPart()).append('m');
		}
		if (duration.toSecondsPart() > 0 || duration.toMillisPart() > 0) {
			text.append(duration.toSecondsPart());
			if (duration.toMillisPart() > 0) {
				text.append('.').append(String.format("%03d", duration.toMillisPart()));
			}
			text.append('s');
		}
		return text.toString();
	}

}
