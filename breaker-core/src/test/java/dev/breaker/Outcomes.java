/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.time.Duration;

/**
 * Records call outcomes through the permit API, with exact durations, so that a test
 * states outcomes instead of staging them.
 */
final class Outcomes {

	private Outcomes() {
	}

	static void succeed(CircuitBreaker breaker, int times) {
		for (int i = 0; i < times; i++) {
			breaker.onSuccess(breaker.acquirePermission(), 0);
		}
	}

	static void fail(CircuitBreaker breaker, int times) {
		for (int i = 0; i < times; i++) {
			breaker.onError(breaker.acquirePermission(), 0, new IOException("boom"));
		}
	}

	static void succeedSlowly(CircuitBreaker breaker, int times, Duration duration) {
		for (int i = 0; i < times; i++) {
			breaker.onSuccess(breaker.acquirePermission(), duration.toNanos());
		}
	}

	static void failSlowly(CircuitBreaker breaker, int times, Duration duration) {
		for (int i = 0; i < times; i++) {
			breaker.onError(breaker.acquirePermission(), duration.toNanos(), new IOException("boom"));
		}
	}

}
