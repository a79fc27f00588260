/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Function;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.annotation.CircuitGuarded;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.MethodClassKey;
import org.springframework.util.ReflectionUtils;

/**
 * Resolves each {@code @CircuitGuarded} method once (its breaker, fallback and return
 * type) and caches the result, so that a call only reads a map.
 */
public final class GuardedMethods {

	private final CircuitBreakerRegistry registry;

	private final Function<String, CircuitBreakerConfig> configs;

	private final Set<String> configuredNames;

	private final boolean strict;

	private final boolean reactor;

	private final Set<String> usedNames = ConcurrentHashMap.newKeySet();

	/** By method, for the first target class seen: no allocation to look up. */
	private final ConcurrentMap<Method, GuardedMethod> byMethod = new ConcurrentHashMap<>();

	/** By method and target class, for a method shared by several target classes. */
	private final ConcurrentMap<MethodClassKey, GuardedMethod> byMethodAndClass = new ConcurrentHashMap<>();

	/**
	 * Create the resolver.
	 * @param registry where the breakers are
	 * @param configs the configuration of a breaker by name
	 * @param configuredNames the names configured under {@code breaker.instances}
	 * @param strict whether an annotation may only name a configured breaker
	 * @param reactor whether Reactor return types are supported (reactor-core is present)
	 */
	public GuardedMethods(CircuitBreakerRegistry registry, Function<String, CircuitBreakerConfig> configs,
			Set<String> configuredNames, boolean strict, boolean reactor) {
		this.registry = registry;
		this.configs = configs;
		this.configuredNames = Collections.unmodifiableSet(new LinkedHashSet<>(configuredNames));
		this.strict = strict;
		this.reactor = reactor;
	}

	/**
	 * Whether Reactor {@code Mono} and {@code Flux} return types are guarded.
	 * @return {@code true} when reactor-core is present
	 */
	public boolean supportsReactor() {
		return this.reactor;
	}

	/**
	 * The names that some annotation uses, in no particular order.
	 * @return the breaker names used so far
	 */
	public Set<String> usedNames() {
		return Collections.unmodifiableSet(this.usedNames);
	}

	/**
	 * The configured instances that no annotation uses, in configuration order.
	 * @return the unused names
	 */
	public Set<String> unusedNames() {
		Set<String> unused = new LinkedHashSet<>(this.configuredNames);
		unused.removeAll(this.usedNames);
		return unused;
	}

	GuardedMethod get(Method method, Class<?> targetClass) {
		GuardedMethod guarded = this.byMethod.get(method);
		if (guarded != null && guarded.targetClass == targetClass) {
			return guarded;
		}
		guarded = this.byMethodAndClass.computeIfAbsent(new MethodClassKey(method, targetClass),
				(key) -> resolve(method, targetClass));
		this.byMethod.putIfAbsent(method, guarded);
		return guarded;
	}

	/**
	 * Resolve every guarded method of a bean class now, so that a mistake fails the
	 * startup and every breaker exists before its first call.
	 * @param targetClass the user class of a bean
	 * @throws CircuitGuardedException for a method that cannot be guarded as written
	 */
	public void scan(Class<?> targetClass) {
		if (!GuardedAnnotations.isCandidate(targetClass)) {
			return;
		}
		ReflectionUtils.doWithMethods(targetClass, (method) -> {
			if (GuardedAnnotations.find(method, targetClass) != null) {
				checkInterceptable(AopUtils.getMostSpecificMethod(method, targetClass));
				get(method, targetClass);
			}
		}, (method) -> method.getDeclaringClass() != Object.class && !method.isBridge() && !method.isSynthetic());
	}

	private GuardedMethod resolve(Method method, Class<?> targetClass) {
		CircuitGuarded annotation = GuardedAnnotations.find(method, targetClass);
		if (annotation == null) {
			return GuardedMethod.UNGUARDED;
		}
		String name = annotation.value();
		if (this.strict && !this.configuredNames.contains(name)) {
			throw new CircuitGuardedException(
					"Circuit breaker '" + name + "' named by @CircuitGuarded on " + GuardedAnnotations.describe(method)
							+ " is not configured under breaker.instances, and breaker.strict is true.",
					"Configure breaker.instances." + name + ", or use one of the configured names "
							+ this.configuredNames + ", or set breaker.strict=false.");
		}
		// The signature as the target class declares it: an inherited generic method seen
		// through its superclass or interface has erased parameter and return types.
		Method specific = AopUtils.getMostSpecificMethod(method, targetClass);
		Fallback fallback = FallbackResolver.resolve(specific, targetClass, annotation);
		CircuitBreaker breaker = this.registry.breaker(name, this.configs.apply(name));
		this.usedNames.add(name);
		return GuardedMethod.of(specific, targetClass, breaker, fallback, this.reactor);
	}

	private static void checkInterceptable(Method method) {
		int modifiers = method.getModifiers();
		String problem = Modifier.isPrivate(modifiers) ? "private"
				: Modifier.isStatic(modifiers) ? "static" : Modifier.isFinal(modifiers) ? "final" : null;
		if (problem != null) {
			throw new CircuitGuardedException(
					"@CircuitGuarded method " + GuardedAnnotations.describe(method) + " is " + problem
							+ ", so the proxy cannot intercept it and it would run unguarded.",
					"Make " + GuardedAnnotations.describe(method) + " a non-private, non-final, "
							+ "non-static method, or remove its @CircuitGuarded annotation.");
		}
	}

}
