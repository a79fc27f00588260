/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

/**
 * Thrown when a {@link CircuitBreakerConfig} value is out of range. It names the property
 * (in camelCase, as the builder method), the value and what is allowed, so that an
 * integration can report it under its own property path.
 */
public class InvalidConfigException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final transient Object value;

	private final String allowed;

	/**
	 * Create an exception for one invalid value.
	 * @param property the camelCase property name, e.g. {@code failureRateThreshold}
	 * @param value the rejected value
	 * @param allowed what is allowed, e.g. {@code between 1 and 100}
	 */
	public InvalidConfigException(String property, Object value, String allowed) {
		super(property + " must be " + allowed + ", was " + value);
		this.property = property;
		this.value = value;
		this.allowed = allowed;
	}

	/**
	 * The camelCase name of the invalid property.
	 * @return the property name
	 */
	public String property() {
		return this.property;
	}

	/**
	 * The rejected value.
	 * @return the value
	 */
	public Object value() {
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
