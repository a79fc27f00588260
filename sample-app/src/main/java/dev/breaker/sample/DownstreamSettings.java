/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

/**
 * How the simulated downstream behaves: the chaos knob.
 *
 * @param failureRate the share of requests that fail, 0.0 to 1.0
 * @param latencyMs how long each request takes, in milliseconds
 */
public record DownstreamSettings(double failureRate, long latencyMs) {

	/** The longest latency the knob accepts, so that a typo cannot hang the demo. */
	static final long MAX_LATENCY_MS = 10_000;

	public DownstreamSettings {
		if (!(failureRate >= 0.0 && failureRate <= 1.0)) {
			throw new IllegalArgumentException("failureRate must be between 0.0 and 1.0, was " + failureRate);
		}
		if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
			throw new IllegalArgumentException(
					"latencyMs must be between 0 and " + MAX_LATENCY_MS + ", was " + latencyMs);
		}
	}

}
