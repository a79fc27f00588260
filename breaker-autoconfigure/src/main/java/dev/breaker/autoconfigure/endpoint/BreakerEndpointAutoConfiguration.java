/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.util.Locale;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.autoconfigure.BreakerProperties;
import dev.breaker.store.SharedStateStore;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the {@code breakers} Actuator endpoint and health contributor,
 * each only when its part of Actuator is on the classpath.
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class)
@ConditionalOnBean(CircuitBreakerRegistry.class)
public final class BreakerEndpointAutoConfiguration {

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	@ConditionalOnAvailableEndpoint(BreakersEndpoint.class)
	static class EndpointConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BreakersEndpoint breakersEndpoint(CircuitBreakerRegistry circuitBreakerRegistry) {
			return new BreakersEndpoint(circuitBreakerRegistry);
		}

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(BreakersEndpoint.class)
		@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
		BreakersEndpointWebExtension breakersEndpointWebExtension(BreakersEndpoint breakersEndpoint) {
			return new BreakersEndpointWebExtension(breakersEndpoint);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
	@ConditionalOnEnabledHealthIndicator("breakers")
	@EnableConfigurationProperties(BreakerProperties.class)
	static class HealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "breakersHealthIndicator")
		BreakersHealthIndicator breakersHealthIndicator(CircuitBreakerRegistry circuitBreakerRegistry,
				BreakerProperties properties, ObjectProvider<SharedStateStore> store) {
			String statusWhenOpen = properties.getHealth().getStatusWhenOpen();
			return new BreakersHealthIndicator(circuitBreakerRegistry,
					new Status(statusWhenOpen.trim().toUpperCase(Locale.ROOT)), store.getIfUnique());
		}

	}

}
