/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;

/**
 * One application context, shared by the tests that call annotated beans: breakers of 4
 * calls that open at 50% failures, wait 10s, and close after one successful trial.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = GuardedServices.class,
		properties = { "breaker.defaults.sliding-window-size=4", "breaker.defaults.minimum-number-of-calls=4",
				"breaker.defaults.wait-duration-in-open-state=10s",
				"breaker.defaults.permitted-number-of-calls-in-half-open-state=1",
				"breaker.instances.plain.failure-rate-threshold=50",
				"breaker.instances.ignoring.ignore-exceptions=java.lang.IllegalArgumentException" })
@interface GuardedSpringBootTest {

}
