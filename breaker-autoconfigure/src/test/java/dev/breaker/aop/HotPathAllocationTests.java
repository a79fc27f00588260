/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.management.ManagementFactory;
import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Method;
import java.util.Set;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.annotation.CircuitGuarded;
import org.aopalliance.intercept.MethodInvocation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advice adds no allocation to a call, admitted or rejected: it would catch a
 * per-call lookup key, a lambda capturing the call, or an exception built per rejection.
 * (Spring's proxy allocates its invocation object; that is not ours.)
 */
class HotPathAllocationTests {

	private static final int CALLS = 100_000;

	private final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();

	private final CircuitGuardedInterceptor interceptor = new CircuitGuardedInterceptor(
			() -> new GuardedMethods(this.registry, (name) -> this.registry.defaults(), Set.of(), false, true));

	private final Invocation invocation = new Invocation();

	@Test
	void anAdmittedCallAllocatesNothing() throws Throwable {
		callMany();
		long before = this.threads.getCurrentThreadAllocatedBytes();
		callMany();
		long allocated = this.threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(allocated).as("bytes allocated by %d calls", CALLS).isLessThan(CALLS / 10);
		assertThat(this.registry.breaker("hot").metrics().successfulCalls()).isEqualTo(2L * CALLS);
	}

	@Test
	void aRejectedCallAllocatesNothing() throws Throwable {
		this.interceptor.invoke(this.invocation);
		this.registry.breaker("hot").transitionTo(State.FORCED_OPEN);
		rejectMany();
		long before = this.threads.getCurrentThreadAllocatedBytes();
		rejectMany();
		long allocated = this.threads.getCurrentThreadAllocatedBytes() - before;
		assertThat(allocated).as("bytes allocated by %d rejections", CALLS).isLessThan(CALLS / 10);
		assertThat(this.registry.breaker("hot").metrics().notPermittedCalls()).isEqualTo(2L * CALLS);
	}

	private void callMany() throws Throwable {
		for (int i = 0; i < CALLS; i++) {
			this.interceptor.invoke(this.invocation);
		}
	}

	private void rejectMany() throws Throwable {
		for (int i = 0; i < CALLS; i++) {
			try {
				this.interceptor.invoke(this.invocation);
			}
			catch (CallNotPermittedException ex) {
				// expected
			}
		}
	}

	static class Target {

		@CircuitGuarded("hot")
		public String call() {
			return "value";
		}

	}

	/**
	 * One reusable invocation, so that the loop itself allocates nothing.
	 */
	static final class Invocation implements MethodInvocation {

		private static final Object[] NO_ARGUMENTS = {};

		private final Target target = new Target();

		private final Method method;

		Invocation() {
			try {
				this.method = Target.class.getMethod("call");
			}
			catch (NoSuchMethodException ex) {
				throw new IllegalStateException(ex);
			}
		}

		@Override
		public Method getMethod() {
			return this.method;
		}

		@Override
		public Object[] getArguments() {
			return NO_ARGUMENTS;
		}

		@Override
		public Object proceed() {
			return "value";
		}

		@Override
		public Object getThis() {
			return this.target;
		}

		@Override
		public AccessibleObject getStaticPart() {
			return this.method;
		}

	}

}
