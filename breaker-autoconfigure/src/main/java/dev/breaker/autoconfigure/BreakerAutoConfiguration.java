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
	 * The resolver and the startup scan of {@code @CircuitGuarded} methods. They stay
	 * when {@code breaker.enabled=false}, which removes only the advice: mistakes still
	 * fail the startup and every named breaker still exists. The scanner is an
	 * infrastructure bean made early (bean post-processing needs it), so it reaches the
	 * registry only through a provider, on first use.
	 */
	@Configuration(proxyBeanMethods = false)
	static class GuardedMethodsConfiguration {

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
		static GuardedBeansScanner circuitGuardedBeansScanner(ObjectProvider<GuardedMethods> methods) {
			return new GuardedBeansScanner(methods::getObject);
		}

	}

	/**
	 * The {@code @CircuitGuarded} advice, an infrastructure bean made early (the proxy
	 * creator needs it), which reaches the resolver only through a provider.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBooleanProperty(name = "breaker.enabled", matchIfMissing = true)
	static class CircuitGuardedConfiguration {

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

	}

}
