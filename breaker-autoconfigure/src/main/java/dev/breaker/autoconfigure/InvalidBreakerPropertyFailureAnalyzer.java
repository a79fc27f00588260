/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns an invalid {@code breaker.*} property into Boot's failure report: the property
 * path, the value and what is allowed.
 */
class InvalidBreakerPropertyFailureAnalyzer extends AbstractFailureAnalyzer<InvalidBreakerPropertyException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, InvalidBreakerPropertyException cause) {
		String description = "Invalid value '" + cause.value() + "' for property '" + cause.property() + "'.";
		String action = "Update your application's configuration: " + cause.property() + " must be " + cause.allowed()
				+ ".";
		return new FailureAnalysis(description, action, cause);
	}

}
