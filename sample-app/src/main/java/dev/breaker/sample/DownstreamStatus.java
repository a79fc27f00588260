/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

/**
 * What {@code /downstream} answers: the chaos knob and the state of the demo load.
 *
 * @param failureRate the share of requests that fail, 0.0 to 1.0
 * @param latencyMs the latency of each request in milliseconds
 * @param outage whether a simulated outage is in progress
 * @param outageChangeInSeconds seconds until the outage starts or ends, {@code null}
 * while simulated outages are off
 * @param demoLoad whether the demo load is calling the quote service
 * @param outages whether the demo load simulates outages
 */
public record DownstreamStatus(double failureRate, long latencyMs, boolean outage, Long outageChangeInSeconds,
		boolean demoLoad, boolean outages) {

}
