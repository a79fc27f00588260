/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.metrics;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BreakerMetricsAutoConfiguration}.
 */
class BreakerMetricsAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				BreakerAutoConfiguration.class, BreakerMetricsAutoConfiguration.class))
		.withPropertyValues("breaker.instances.payments.failure-rate-threshold=25");

	@Test
	void bindsTheMetersOfEveryBreaker() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BreakerMeterBinder.class);
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("breaker.state").tag("name", "payments").tag("state", "closed").gauge().value())
				.isEqualTo(1);
			context.getBean(CircuitBreakerRegistry.class).breaker("late").transitionTo(State.FORCED_OPEN);
			assertThat(meters.get("breaker.state").tag("name", "late").tag("state", "forced_open").gauge().value())
				.isEqualTo(1);
		});
	}

	@Test
	void backsOffWhenTheUserDefinesABinder() {
		this.runner.withUserConfiguration(UserBinderConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(BreakerMeterBinder.class);
			assertThat(context).hasBean("userBinder");
		});
	}

	@Test
	void meetsTheMetricsDisablingPropertyOfBoot() {
		this.runner.withPropertyValues("management.metrics.enable.breaker=false").run((context) -> {
			assertThat(context).hasSingleBean(BreakerMeterBinder.class);
			assertThat(context.getBean(MeterRegistry.class).find("breaker.state").meters()).isEmpty();
		});
	}

	@Test
	void doesNothingWithoutAMeterRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BreakerMeterBinder.class));
	}

	@Test
	void doesNothingWithoutABreakerRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
							SimpleMetricsExportAutoConfiguration.class, BreakerMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(BreakerMeterBinder.class));
	}

	@Test
	void startsWithoutMicrometerOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader("io.micrometer"))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CircuitBreakerRegistry.class)
				.doesNotHaveBean(BreakerMeterBinder.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBinderConfiguration {

		@Bean
		BreakerMeterBinder userBinder(CircuitBreakerRegistry circuitBreakerRegistry) {
			return new BreakerMeterBinder(circuitBreakerRegistry);
		}

	}

}
