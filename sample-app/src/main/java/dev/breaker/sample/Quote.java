/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A price for a symbol, either fresh from the downstream or a stale copy served by the
 * fallback.
 *
 * @param symbol the ticker symbol
 * @param price the price
 * @param asOf when the downstream produced the price
 * @param stale whether this is a cached copy served because the downstream call failed or
 * was not permitted
 * @param staleReason why the cached copy was served, {@code null} when fresh
 */
public record Quote(String symbol, BigDecimal price, Instant asOf, boolean stale, String staleReason) {

	static Quote fresh(String symbol, BigDecimal price, Instant asOf) {
		return new Quote(symbol, price, asOf, false, null);
	}

	Quote asStale(String reason) {
		return new Quote(this.symbol, this.price, this.asOf, true, reason);
	}

}
