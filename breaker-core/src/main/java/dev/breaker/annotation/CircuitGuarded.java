/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Guards a method, or every public method of a type, with the named circuit breaker. A
 * method-level annotation wins over a type-level one.
 */
@Target({ ElementType.METHOD, ElementType.TYPE })
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Documented
public @interface CircuitGuarded {

	/**
	 * The name of the circuit breaker.
	 * @return the breaker name
	 */
	String value();

	/**
	 * The name of a method of the same class to call when the call is rejected or fails:
	 * same parameters as the guarded method, optionally followed by one {@link Throwable}
	 * (or subtype) parameter, with a compatible return type.
	 * @return the fallback method name, empty for none
	 */
	String fallback() default "";

}
