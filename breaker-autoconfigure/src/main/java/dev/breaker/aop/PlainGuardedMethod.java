/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Guards a method that returns a plain value or nothing: the outcome is known when the
 * method returns or throws.
 */
final class PlainGuardedMethod extends GuardedMethod {

	PlainGuardedMethod(Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback) {
		super(targetClass, breaker, fallback);
	}

	@Override
	@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		long permit;
		try {
			permit = this.breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			return fallbackOrThrow(invocation, ex);
		}
		long start = this.ticker.read();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			this.breaker.onError(permit, this.ticker.read() - start, ex);
			return fallbackOrThrow(invocation, ex);
		}
		this.breaker.onSuccess(permit, this.ticker.read() - start);
		return result;
	}

}
