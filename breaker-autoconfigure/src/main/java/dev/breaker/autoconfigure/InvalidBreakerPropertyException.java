/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import org.jspecify.annotations.Nullable;

/**
 * Thrown at startup when a {@code breaker.*} property holds a value the breaker cannot
 * use; it names the property path in kebab case, the value and what is allowed.
 */
public class InvalidBreakerPropertyException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient @Nullable Object value;

	private final String allowed;

	/**
	 * Create an exception for one invalid value.
	 * @param property the full property path, e.g.
	 * {@code breaker.instances.payments.failure-rate-threshold}
	 * @param value the rejected value
	 * @param allowed what is allowed, e.g. {@code between 1 and 100 (percent)}
	 * @param cause the underlying failure, or {@code null}
	 */
	public InvalidBreakerPropertyException(String property, @Nullable Object value, String allowed,
			@Nullable Throwable cause) {
		super("Invalid value '" + value + "' for property '" + property + "': it must be " + allowed, cause);
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	/**
	 * The full property path in kebab case.
	 * @return the property path
	 */
	public String property() {
		return this.property;
	}

	/**
	 * The rejected value, as written or as converted.
	 * @return the value
	 */
	public @Nullable Object value() {
		return this.value;
	}

	/**
	 * What is allowed, in words.
	 * @return the allowed range or rule
	 */
	public String allowed() {
		return this.allowed;
	}

}
