/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.util.ReflectionUtils;

/**
 * The fallback overloads of one guarded method, most specific exception type first, so
 * that the first one that accepts a throwable is the one to call.
 */
final class Fallback {

	private final Overload[] overloads;

	private Fallback(Overload[] overloads) {
		this.overloads = overloads;
	}

	static Fallback of(int guardedParameterCount, List<Method> methods) {
		Overload[] overloads = methods.stream()
			.map((method) -> new Overload(method, method.getParameterCount() > guardedParameterCount))
			.sorted(Comparator.comparingInt(Overload::specificity).reversed())
			.toArray(Overload[]::new);
		return new Fallback(overloads);
	}

	/**
	 * The overload for a throwable, without allocating.
	 * @return the overload or {@code null} when none accepts it
	 */
	@Nullable Overload find(Throwable ex) {
		for (Overload overload : this.overloads) {
			if (overload.exceptionType.isInstance(ex)) {
				return overload;
			}
		}
		return null;
	}

	/**
	 * One fallback method; {@code exceptionType} is {@code Throwable} for an overload
	 * without an exception parameter.
	 */
	static final class Overload {

		final Method method;

		final Class<?> exceptionType;

		private final boolean takesException;

		private Overload(Method method, boolean takesException) {
			ReflectionUtils.makeAccessible(method);
			this.method = method;
			this.takesException = takesException;
			Class<?>[] types = method.getParameterTypes();
			this.exceptionType = takesException ? types[types.length - 1] : Throwable.class;
		}

		// Deeper in the hierarchy is more specific; the exception-less overload comes
		// last, after an explicit Throwable parameter.
		private int specificity() {
			int depth = 0;
			for (Class<?> type = this.exceptionType; type != null; type = type.getSuperclass()) {
				depth += 2;
			}
			return this.takesException ? depth : depth - 1;
		}

		@Nullable Object invoke(@Nullable Object target, @Nullable Object[] args, Throwable ex) throws Throwable {
			@Nullable Object[] arguments = args;
			if (this.takesException) {
				arguments = Arrays.copyOf(args, args.length + 1);
				arguments[args.length] = ex;
			}
			try {
				return this.method.invoke(target, arguments);
			}
			catch (InvocationTargetException invocation) {
				throw invocation.getTargetException();
			}
		}

	}

}
