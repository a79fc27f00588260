/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

/**
 * Thrown at startup when a {@code @CircuitGuarded} method cannot be guarded as written: a
 * fallback without a compatible method, a method the proxy cannot intercept, or, in
 * strict mode, a breaker name that is not configured. It says what is wrong and what to
 * do.
 */
public class CircuitGuardedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	private final String action;

	/**
	 * Create an exception.
	 * @param description what is wrong, naming the class and method
	 * @param action what to do about it
	 */
	public CircuitGuardedException(String description, String action) {
		super(description + " " + action);
		this.action = action;
	}

	/**
	 * What is wrong, naming the class and method.
	 * @return the description
	 */
	public String description() {
		String message = getMessage();
		return message.substring(0, message.length() - this.action.length() - 1);
	}

	/**
	 * What to do about it.
	 * @return the action
	 */
	public String action() {
		return this.action;
	}

}
