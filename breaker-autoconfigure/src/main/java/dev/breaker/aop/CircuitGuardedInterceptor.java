/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.util.function.Supplier;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

import org.springframework.util.function.SingletonSupplier;

/**
 * The advice of {@code @CircuitGuarded} methods: finds the method's cached
 * {@link GuardedMethod} and lets it guard the call.
 */
public final class CircuitGuardedInterceptor implements MethodInterceptor {

	private final SingletonSupplier<GuardedMethods> methods;

	/**
	 * Create the interceptor.
	 * @param methods supplies the resolver on first use, so that creating the advisor
	 * does not create the registry early
	 */
	public CircuitGuardedInterceptor(Supplier<GuardedMethods> methods) {
		this.methods = SingletonSupplier.of(methods);
	}

	@Override
	public @Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		Object target = invocation.getThis();
		if (target == null) {
			return invocation.proceed();
		}
		return this.methods.obtain().get(invocation.getMethod(), target.getClass()).invoke(invocation);
	}

}
