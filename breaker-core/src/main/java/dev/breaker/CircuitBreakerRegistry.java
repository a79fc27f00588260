/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The breakers of an application, by name. Concurrent creation of one name yields one
 * breaker.
 */
public final class CircuitBreakerRegistry {

	private final CircuitBreakerConfig defaults;

	private final Factory factory;

	private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

	private final Collection<Consumer<? super CircuitBreaker>> creationListeners = new CopyOnWriteArrayList<>();

	private CircuitBreakerRegistry(CircuitBreakerConfig defaults, Factory factory) {
		this.defaults = defaults;
		this.factory = factory;
	}

	/**
	 * A registry whose breakers start from the given defaults, on the system ticker.
	 * @param defaults the configuration of breakers created by name only
	 * @return a new registry
	 */
	public static CircuitBreakerRegistry of(CircuitBreakerConfig defaults) {
		return of(defaults, Ticker.system());
	}

	/**
	 * A registry whose breakers run on the given ticker.
	 * @param defaults the configuration of breakers created by name only
	 * @param ticker the time source of every breaker
	 * @return a new registry
	 */
	public static CircuitBreakerRegistry of(CircuitBreakerConfig defaults, Ticker ticker) {
		return of(defaults, (name, config) -> CircuitBreaker.of(name, config, ticker));
	}

	/**
	 * A registry whose breakers are made by the given factory (a shared-state store plugs
	 * in here).
	 * @param defaults the configuration of breakers created by name only
	 * @param factory makes a breaker from a name and a configuration
	 * @return a new registry
	 */
	public static CircuitBreakerRegistry of(CircuitBreakerConfig defaults, Factory factory) {
		return new CircuitBreakerRegistry(defaults, factory);
	}

	/**
	 * A registry with the default configuration.
	 * @return a new registry
	 */
	public static CircuitBreakerRegistry ofDefaults() {
		return of(CircuitBreakerConfig.ofDefaults());
	}

	/**
	 * The configuration of breakers created by name only.
	 * @return the defaults
	 */
	public CircuitBreakerConfig defaults() {
		return this.defaults;
	}

	/**
	 * The breaker of that name, if it exists; never creates one.
	 * @param name the breaker name
	 * @return the breaker or empty
	 */
	public Optional<CircuitBreaker> find(String name) {
		return Optional.ofNullable(this.breakers.get(name));
	}

	/**
	 * The breaker of that name, created from the defaults if it does not exist.
	 * @param name the breaker name
	 * @return the breaker
	 */
	public CircuitBreaker breaker(String name) {
		return breaker(name, this.defaults);
	}

	/**
	 * The breaker of that name, created from the given configuration if it does not exist
	 * (an existing breaker keeps its configuration).
	 * @param name the breaker name
	 * @param config the configuration for a new breaker
	 * @return the breaker
	 */
	public CircuitBreaker breaker(String name, CircuitBreakerConfig config) {
		CircuitBreaker existing = this.breakers.get(name);
		if (existing != null) {
			return existing;
		}
		CircuitBreaker[] created = new CircuitBreaker[1];
		CircuitBreaker breaker = this.breakers.computeIfAbsent(name, (key) -> {
			created[0] = this.factory.create(key, config);
			return created[0];
		});
		if (created[0] != null) {
			this.creationListeners.forEach((listener) -> listener.accept(breaker));
		}
		return breaker;
	}

	/**
	 * Every breaker, in no particular order.
	 * @return an unmodifiable view of the breakers
	 */
	public Collection<CircuitBreaker> all() {
		return Collections.unmodifiableCollection(this.breakers.values());
	}

	/**
	 * Hear of every breaker created from now on (meters use this).
	 * @param listener called once per new breaker, on the creating thread
	 */
	public void addCreationListener(Consumer<? super CircuitBreaker> listener) {
		this.creationListeners.add(listener);
	}

	/**
	 * Makes a breaker for a registry.
	 */
	@FunctionalInterface
	public interface Factory {

		/**
		 * Make a breaker.
		 * @param name the breaker name
		 * @param config its configuration
		 * @return the new breaker
		 */
		CircuitBreaker create(String name, CircuitBreakerConfig config);

	}

}
