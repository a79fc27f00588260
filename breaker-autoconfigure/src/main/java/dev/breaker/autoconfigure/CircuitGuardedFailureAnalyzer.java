/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import dev.breaker.aop.CircuitGuardedException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a {@code @CircuitGuarded} method that cannot be guarded as written into Boot's
 * failure report.
 */
class CircuitGuardedFailureAnalyzer extends AbstractFailureAnalyzer<CircuitGuardedException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, CircuitGuardedException cause) {
		return new FailureAnalysis(cause.description(), cause.action(), cause);
	}

}
