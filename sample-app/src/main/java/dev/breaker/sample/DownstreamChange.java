/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

/**
 * The body of {@code POST /downstream}; each field is optional and a missing one keeps
 * its current value.
 *
 * @param failureRate the share of requests that fail, 0.0 to 1.0
 * @param latencyMs the latency of each request in milliseconds
 * @param demoLoad whether the demo load calls the quote service
 * @param outages whether the demo load simulates outages
 */
public record DownstreamChange(Double failureRate, Long latencyMs, Boolean demoLoad, Boolean outages) {

}
