/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.Ticker;
import dev.breaker.aop.CircuitGuardedAdvisor;
import dev.breaker.aop.CircuitGuardedInterceptor;
import dev.breaker.aop.GuardedBeansScanner;
import dev.breaker.aop.GuardedMethods;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Role;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Auto-configuration of the {@link CircuitBreakerRegistry} and the
 * {@code @CircuitGuarded} advice: binds {@code breaker.*}, creates every configured
 * breaker and publishes their transitions as application events.
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
	CircuitBreakerRegistry breakerRegistry(BreakerProperties properties,
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

	/**
	 * The {@code @CircuitGuarded} advice. The advisor and the scanner are infrastructure
	 * beans made early (the proxy creator and bean post-processing need them), so they
	 * reach the registry only through providers, on first use.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
	static class CircuitGuardedConfiguration {

		private static final String REACTOR = "reactor.core.publisher.Mono";

		@Bean
		@ConditionalOnMissingBean
		GuardedMethods circuitGuardedMethods(CircuitBreakerRegistry registry, BreakerProperties properties,
				ApplicationContext context) {
			return new GuardedMethods(registry, properties::toConfig, properties.getInstances().keySet(),
					properties.isStrict(), ClassUtils.isPresent(REACTOR, context.getClassLoader()));
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		@ConditionalOnMissingBean
		static CircuitGuardedAdvisor circuitGuardedAdvisor(ObjectProvider<GuardedMethods> methods,
				Environment environment) {
			int order = Binder.get(environment)
				.bind("breaker.aspect-order", Integer.class)
				.orElse(BreakerProperties.DEFAULT_ASPECT_ORDER);
			return new CircuitGuardedAdvisor(new CircuitGuardedInterceptor(methods::getObject), order);
		}

		@Bean
		@Role(BeanDefinition.ROLE_INFRASTRUCTURE)
		static GuardedBeansScanner circuitGuardedBeansScanner(ObjectProvider<GuardedMethods> methods) {
			return new GuardedBeansScanner(methods::getObject);
		}

	}

}
