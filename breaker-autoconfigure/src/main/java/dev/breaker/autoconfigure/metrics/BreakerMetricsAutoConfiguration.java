/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the Micrometer meters of every circuit breaker
 * ({@code breaker.state}, {@code breaker.calls}, ...).
 */
@AutoConfiguration(after = BreakerAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, CircuitBreakerRegistry.class })
public final class BreakerMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BreakerMeterBinder breakerMeterBinder(CircuitBreakerRegistry circuitBreakerRegistry) {
		return new BreakerMeterBinder(circuitBreakerRegistry);
	}

}
