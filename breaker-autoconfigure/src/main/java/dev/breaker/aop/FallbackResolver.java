/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import dev.breaker.annotation.CircuitGuarded;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the fallback methods a {@code @CircuitGuarded} method names, or fails with the
 * signatures it expected.
 */
final class FallbackResolver {

	private FallbackResolver() {
	}

	/**
	 * The fallback of a guarded method.
	 * @return the fallback, or {@code null} when the annotation names none
	 * @throws CircuitGuardedException when no method of that name is compatible
	 */
	static @Nullable Fallback resolve(Method guarded, Class<?> targetClass, CircuitGuarded annotation) {
		String name = annotation.fallback();
		if (name.isEmpty()) {
			return null;
		}
		List<Method> named = new ArrayList<>();
		List<Method> compatible = new ArrayList<>();
		for (Method candidate : ReflectionUtils.getUniqueDeclaredMethods(targetClass,
				(method) -> method.getName().equals(name) && !method.isBridge())) {
			named.add(candidate);
			if (isCompatible(guarded, candidate)) {
				compatible.add(candidate);
			}
		}
		if (compatible.isEmpty()) {
			throw noCompatibleMethod(guarded, targetClass, annotation, named);
		}
		return Fallback.of(guarded.getParameterCount(), compatible);
	}

	private static boolean isCompatible(Method guarded, Method candidate) {
		Class<?>[] expected = guarded.getParameterTypes();
		Class<?>[] actual = candidate.getParameterTypes();
		if (actual.length != expected.length && actual.length != expected.length + 1) {
			return false;
		}
		if (!Arrays.equals(expected, 0, expected.length, actual, 0, expected.length)) {
			return false;
		}
		if (actual.length > expected.length && !Throwable.class.isAssignableFrom(actual[expected.length])) {
			return false;
		}
		Class<?> returnType = guarded.getReturnType();
		if (returnType == void.class) {
			return candidate.getReturnType() == void.class;
		}
		return ClassUtils.isAssignable(returnType, candidate.getReturnType());
	}

	private static CircuitGuardedException noCompatibleMethod(Method guarded, Class<?> targetClass,
			CircuitGuarded annotation, List<Method> named) {
		String description = "@CircuitGuarded(value = \"" + annotation.value() + "\", fallback = \""
				+ annotation.fallback() + "\") on " + GuardedAnnotations.describe(guarded)
				+ " names no compatible fallback method in " + targetClass.getName() + (named.isEmpty()
						? " (there is no method of that name)." : "; found incompatible " + signatures(named) + ".");
		String params = Arrays.stream(guarded.getParameterTypes())
			.map(Class::getSimpleName)
			.collect(Collectors.joining(", "));
		String returnType = guarded.getReturnType().getSimpleName();
		String withException = params.isEmpty() ? "Throwable" : params + ", Throwable";
		String action = "Declare in " + targetClass.getName() + " a method with the expected signature " + returnType
				+ " " + annotation.fallback() + "(" + params + ") or " + returnType + " " + annotation.fallback() + "("
				+ withException + ") (any visibility; the last parameter may be any "
				+ "Throwable subtype; the return type must be assignable to " + returnType
				+ "), or fix the fallback name.";
		return new CircuitGuardedException(description, action);
	}

	private static String signatures(List<Method> methods) {
		return methods.stream()
			.map((method) -> method.getReturnType().getSimpleName() + " " + method.getName() + "("
					+ Arrays.stream(method.getParameterTypes())
						.map(Class::getSimpleName)
						.collect(Collectors.joining(", "))
					+ ")")
			.sorted()
			.collect(Collectors.joining(", "));
	}

}
