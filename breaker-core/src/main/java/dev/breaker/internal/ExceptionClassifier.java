/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.util.List;

import dev.breaker.CircuitBreakerConfig;

/**
 * Decides whether an exception is a failure, a success or ignored:
 * {@code ignoreExceptions} wins; then an empty {@code recordExceptions} makes every
 * exception a failure, a non-empty one only the listed classes and their subclasses.
 */
public final class ExceptionClassifier {

	/**
	 * How a call's exception counts.
	 */
	public enum Outcome {

		SUCCESS, FAILURE, IGNORED

	}

	private final List<Class<? extends Throwable>> record;

	private final List<Class<? extends Throwable>> ignore;

	public ExceptionClassifier(CircuitBreakerConfig config) {
		this.record = config.recordExceptions();
		this.ignore = config.ignoreExceptions();
	}

	public Outcome classify(Throwable error) {
		if (matches(this.ignore, error)) {
			return Outcome.IGNORED;
		}
		if (this.record.isEmpty() || matches(this.record, error)) {
			return Outcome.FAILURE;
		}
		return Outcome.SUCCESS;
	}

	private static boolean matches(List<Class<? extends Throwable>> types, Throwable error) {
		for (int i = 0; i < types.size(); i++) {
			if (types.get(i).isInstance(error)) {
				return true;
			}
		}
		return false;
	}

}
