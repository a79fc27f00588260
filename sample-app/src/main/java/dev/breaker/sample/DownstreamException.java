/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

/**
 * Thrown by the simulated downstream when it fails a request, as a real remote service
 * would with a 5xx or a timeout.
 */
public class DownstreamException extends RuntimeException {

	DownstreamException(String message) {
		super(message);
	}

}
