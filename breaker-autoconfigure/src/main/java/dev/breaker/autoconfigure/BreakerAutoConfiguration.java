/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.Ticker;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link CircuitBreakerRegistry}: binds {@code breaker.*},
 * creates every configured breaker and publishes their transitions as application events.
 */
@AutoConfiguration
@EnableConfigurationProperties(BreakerProperties.class)
public final class BreakerAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Ticker breakerTicker() {
		return Ticker.system();
	}

	/**
	 * The registry; a {@link CircuitBreakerRegistry.Factory} bean (a shared store's)
	 * makes its breakers when there is one, otherwise they are local breakers on the
	 * application's {@link Ticker}.
	 * @param properties the bound properties
	 * @param factory a factory of shared breakers, if any
	 * @param ticker the time source of local breakers
	 * @return the registry, with every breaker of {@code breaker.instances} created
	 */
	@Bean
	@ConditionalOnMissingBean
	CircuitBreakerRegistry circuitBreakerRegistry(BreakerProperties properties,
			ObjectProvider<CircuitBreakerRegistry.Factory> factory, ObjectProvider<Ticker> ticker) {
		CircuitBreakerRegistry.Factory breakers = factory.getIfAvailable(() -> {
			Ticker time = ticker.getIfUnique(Ticker::system);
			return (name, config) -> CircuitBreaker.of(name, config, time);
		});
		CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(properties.toDefaultConfig(), breakers);
		properties.getInstances().keySet().forEach((name) -> registry.breaker(name, properties.toConfig(name)));
		return registry;
	}

	@Bean
	StateTransitionEvents breakerStateTransitionEvents(CircuitBreakerRegistry registry,
			ApplicationEventPublisher publisher) {
		return new StateTransitionEvents(registry, publisher);
	}

}
