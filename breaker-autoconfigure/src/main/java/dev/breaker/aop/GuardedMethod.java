/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.Method;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import dev.breaker.CircuitBreaker;
import dev.breaker.Ticker;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * A method resolved once for one target class: its breaker and fallback, and how to guard
 * its return type. The subclasses' {@code invoke} is the hot path: no lookup, no
 * reflection, and for a plain method in the closed state no allocation.
 */
abstract class GuardedMethod {

	/** A method that the pointcut matched but that no annotation guards. */
	// Its breaker is a placeholder that no call reaches.
	static final GuardedMethod UNGUARDED = new GuardedMethod(Object.class, CircuitBreaker.ofDefaults("unguarded"),
			null) {

		@Override
		@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			return invocation.proceed();
		}

	};

	final Class<?> targetClass;

	final CircuitBreaker breaker;

	final Ticker ticker;

	final @Nullable Fallback fallback;

	GuardedMethod(Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback) {
		this.targetClass = targetClass;
		this.breaker = breaker;
		this.ticker = breaker.ticker();
		this.fallback = fallback;
	}

	static GuardedMethod of(Method method, Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback,
			boolean reactor) {
		Class<?> returnType = method.getReturnType();
		if (CompletionStage.class.isAssignableFrom(returnType)
				&& returnType.isAssignableFrom(CompletableFuture.class)) {
			return new StageGuardedMethod(targetClass, breaker, fallback);
		}
		if (reactor) {
			GuardedMethod reactive = ReactorGuardedMethods.of(returnType, targetClass, breaker, fallback);
			if (reactive != null) {
				return reactive;
			}
		}
		return new PlainGuardedMethod(targetClass, breaker, fallback);
	}

	/**
	 * Call the method, guarded.
	 * @param invocation the intercepted call
	 * @return what the method or its fallback returned
	 * @throws Throwable what the method or its fallback threw, unchanged
	 */
	abstract @Nullable Object invoke(MethodInvocation invocation) throws Throwable;

	/**
	 * The fallback's result for a throwable, or the throwable itself when no fallback
	 * accepts it.
	 */
	final @Nullable Object fallbackOrThrow(MethodInvocation invocation, Throwable ex) throws Throwable {
		Fallback.Overload overload = (this.fallback != null) ? this.fallback.find(ex) : null;
		if (overload == null) {
			throw ex;
		}
		return overload.invoke(invocation.getThis(), invocation.getArguments(), ex);
	}

}
