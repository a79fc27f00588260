/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

/**
 * Thrown when the downstream cannot answer and no earlier quote for the symbol is cached.
 */
public class QuoteUnavailableException extends RuntimeException {

	QuoteUnavailableException(String symbol, Throwable cause) {
		super("No quote for " + symbol + " and none cached: " + cause.getMessage(), cause);
	}

}
