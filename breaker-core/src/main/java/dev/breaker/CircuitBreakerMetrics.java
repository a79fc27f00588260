/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

/**
 * A snapshot of a breaker's window and of its cumulative counters.
 *
 * @param failureRate failures in percent of the buffered calls, -1 while fewer than the
 * minimum number of calls are buffered
 * @param slowCallRate slow calls in percent of the buffered calls, -1 likewise
 * @param bufferedCalls calls in the current window (or half-open trial)
 * @param failedCalls failed calls in the current window
 * @param slowCalls slow calls in the current window
 * @param successfulCalls successful calls since the breaker was created
 * @param failedCallsTotal failed calls since the breaker was created
 * @param ignoredCalls ignored calls since the breaker was created
 * @param notPermittedCalls rejected calls since the breaker was created
 * @param slowCallsTotal slow calls since the breaker was created
 */
public record CircuitBreakerMetrics(float failureRate, float slowCallRate, long bufferedCalls, long failedCalls,
		long slowCalls, long successfulCalls, long failedCallsTotal, long ignoredCalls, long notPermittedCalls,
		long slowCallsTotal) {

}
