/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.breaker.CircuitBreakerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Configuration properties of the circuit breakers, bound from {@code breaker.*}.
 */
@ConfigurationProperties("breaker")
public class BreakerProperties implements BeanClassLoaderAware {

	/**
	 * The default order of the {@code @CircuitGuarded} advice: outside
	 * {@code @Transactional} ({@code LOWEST_PRECEDENCE}) and Spring Retry's advice
	 * ({@code LOWEST_PRECEDENCE - 1}); Spring Framework's own {@code @Retryable} always
	 * wraps it.
	 */
	public static final int DEFAULT_ASPECT_ORDER = Ordered.LOWEST_PRECEDENCE - 2;

	/**
	 * Whether @CircuitGuarded methods are guarded; false runs them unguarded (the
	 * registry stays for programmatic use).
	 */
	private boolean enabled = true;

	/**
	 * Whether startup fails when an annotation names a breaker that is not configured
	 * under breaker.instances.
	 */
	private boolean strict;

	/**
	 * Order of the @CircuitGuarded advice among other advice (lower runs outside).
	 */
	private int aspectOrder = DEFAULT_ASPECT_ORDER;

	/**
	 * Settings every breaker starts from.
	 */
	@NestedConfigurationProperty
	private InstanceProperties defaults = new InstanceProperties();

	/**
	 * Per-breaker settings, by breaker name; each key overrides the same key of defaults.
	 */
	private Map<String, InstanceProperties> instances = new LinkedHashMap<>();

	@NestedConfigurationProperty
	private final StoreProperties store = new StoreProperties();

	private final Health health = new Health();

	private @Nullable ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public boolean isStrict() {
		return this.strict;
	}

	public void setStrict(boolean strict) {
		this.strict = strict;
	}

	public int getAspectOrder() {
		return this.aspectOrder;
	}

	public void setAspectOrder(int aspectOrder) {
		this.aspectOrder = aspectOrder;
	}

	public InstanceProperties getDefaults() {
		return this.defaults;
	}

	public void setDefaults(InstanceProperties defaults) {
		this.defaults = defaults;
	}

	public Map<String, InstanceProperties> getInstances() {
		return this.instances;
	}

	public void setInstances(Map<String, InstanceProperties> instances) {
		this.instances = instances;
	}

	public StoreProperties getStore() {
		return this.store;
	}

	public Health getHealth() {
		return this.health;
	}

	@Override
	public void setBeanClassLoader(ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	/**
	 * The configuration of breakers created by name only: {@code defaults} over the
	 * built-in defaults.
	 * @return the validated configuration
	 * @throws InvalidBreakerPropertyException naming the {@code breaker.defaults.*}
	 * property that is invalid
	 */
	public CircuitBreakerConfig toDefaultConfig() {
		return new BreakerConfigMerger(this.classLoader).merge(this.defaults, null, null);
	}

	/**
	 * The configuration of the named breaker: its {@code instances} entry, key by key,
	 * over {@code defaults}, over the built-in defaults; a name without an entry gets
	 * {@link #toDefaultConfig()}.
	 * @param name the breaker name
	 * @return the validated configuration
	 * @throws InvalidBreakerPropertyException naming the property path that is invalid,
	 * e.g. {@code breaker.instances.payments.failure-rate-threshold}
	 */
	public CircuitBreakerConfig toConfig(String name) {
		InstanceProperties instance = this.instances.get(name);
		return new BreakerConfigMerger(this.classLoader).merge(this.defaults, name, instance);
	}

	/**
	 * Settings of the {@code breakers} health contributor.
	 */
	public static class Health {

		/**
		 * Health status reported while a breaker is open (UP keeps an open breaker from
		 * taking the application down).
		 */
		private String statusWhenOpen = "UP";

		public String getStatusWhenOpen() {
			return this.statusWhenOpen;
		}

		public void setStatusWhenOpen(String statusWhenOpen) {
			this.statusWhenOpen = statusWhenOpen;
		}

	}

}
