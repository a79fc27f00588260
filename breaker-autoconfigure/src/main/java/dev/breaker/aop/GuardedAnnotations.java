/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

import dev.breaker.annotation.CircuitGuarded;
import org.jspecify.annotations.Nullable;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Finds the {@link CircuitGuarded} annotation that applies to a method of a bean: the
 * method's own, else its type's for a public method. Used at proxy creation and at
 * startup, never per call.
 */
final class GuardedAnnotations {

	private GuardedAnnotations() {
	}

	/**
	 * Whether a class may have guarded methods (a cheap filter before the per-method
	 * search).
	 */
	static boolean isCandidate(Class<?> targetClass) {
		if (!AnnotationUtils.isCandidateClass(targetClass, CircuitGuarded.class)) {
			return false;
		}
		if (AnnotatedElementUtils.hasAnnotation(targetClass, CircuitGuarded.class)) {
			return true;
		}
		boolean[] found = new boolean[1];
		ReflectionUtils.doWithMethods(targetClass, (method) -> found[0] = true,
				(method) -> !found[0] && AnnotatedElementUtils.hasAnnotation(method, CircuitGuarded.class));
		return found[0];
	}

	/**
	 * The annotation that guards the method when called on an instance of the target
	 * class.
	 * @return the annotation, or {@code null} if the method is not guarded
	 */
	static @Nullable CircuitGuarded find(Method method, Class<?> targetClass) {
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		if (specific.getDeclaringClass() == Object.class || specific.isBridge() || specific.isSynthetic()) {
			return null;
		}
		CircuitGuarded annotation = AnnotatedElementUtils.findMergedAnnotation(specific, CircuitGuarded.class);
		if (annotation == null && specific != method) {
			annotation = AnnotatedElementUtils.findMergedAnnotation(method, CircuitGuarded.class);
		}
		if (annotation != null) {
			return annotation;
		}
		int modifiers = specific.getModifiers();
		if (!Modifier.isPublic(modifiers) || Modifier.isStatic(modifiers)) {
			return null;
		}
		return AnnotatedElementUtils.findMergedAnnotation(targetClass, CircuitGuarded.class);
	}

	/**
	 * {@code com.example.Prices.price(String)}, the way the messages name a method.
	 */
	static String describe(Method method) {
		return ClassUtils.getQualifiedMethodName(method) + "("
				+ Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName).collect(Collectors.joining(", "))
				+ ")";
	}

}
