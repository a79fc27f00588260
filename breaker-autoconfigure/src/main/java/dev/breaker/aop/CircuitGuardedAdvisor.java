/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.aopalliance.aop.Advice;

import org.springframework.aop.ClassFilter;
import org.springframework.aop.Pointcut;
import org.springframework.aop.support.AbstractPointcutAdvisor;
import org.springframework.aop.support.StaticMethodMatcherPointcut;

/**
 * The Spring AOP advisor that applies {@link CircuitGuardedInterceptor} to the methods
 * that {@code @CircuitGuarded} guards. Matching is static: it runs once per method when
 * the proxy is made, never per call.
 */
public final class CircuitGuardedAdvisor extends AbstractPointcutAdvisor {

	private static final long serialVersionUID = 1L;

	private final transient Pointcut pointcut = new GuardedPointcut();

	private final transient CircuitGuardedInterceptor interceptor;

	/**
	 * Create the advisor.
	 * @param interceptor the advice
	 * @param order the order among other advisors (lower runs outside)
	 */
	public CircuitGuardedAdvisor(CircuitGuardedInterceptor interceptor, int order) {
		this.interceptor = interceptor;
		setOrder(order);
	}

	@Override
	public Pointcut getPointcut() {
		return this.pointcut;
	}

	@Override
	public Advice getAdvice() {
		return this.interceptor;
	}

	private static final class GuardedPointcut extends StaticMethodMatcherPointcut {

		private final Map<Class<?>, Boolean> candidates = new ConcurrentHashMap<>();

		GuardedPointcut() {
			setClassFilter(this::isCandidate);
		}

		private boolean isCandidate(Class<?> type) {
			return this.candidates.computeIfAbsent(type, GuardedAnnotations::isCandidate);
		}

		@Override
		public boolean matches(Method method, Class<?> targetClass) {
			return GuardedAnnotations.find(method, targetClass) != null;
		}

	}

}
