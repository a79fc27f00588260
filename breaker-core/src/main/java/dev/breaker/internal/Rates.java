/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rate arithmetic and the words that explain a trip.
 */
final class Rates {

	private Rates() {
	}

	static float percent(long part, long whole) {
		return (whole > 0) ? part * 100f / whole : 0f;
	}

	static String reason(String what, float rate, float threshold, long calls) {
		return what + " " + format(rate) + "% >= " + format(threshold) + "% over " + calls + " calls";
	}

	/**
	 * Formats a percentage with at most one decimal, without a trailing {@code .0}.
	 * @param value the percentage
	 * @return the text, e.g. {@code 62.5} or {@code 50}
	 */
	static String format(float value) {
		return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
	}

}
