/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.util.Map;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.store.SharedStateStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BreakerEndpointAutoConfiguration}.
 */
class BreakerEndpointAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BreakerAutoConfiguration.class, BreakerEndpointAutoConfiguration.class));

	@Test
	void createsTheEndpointAndItsWebExtensionWhenExposed() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.run((context) -> assertThat(context).hasSingleBean(BreakersEndpoint.class)
				.hasSingleBean(BreakersEndpointWebExtension.class));
	}

	@Test
	void createsNoEndpointUnlessExposed() {
		this.runner.run((context) -> assertThat(context).doesNotHaveBean(BreakersEndpoint.class)
			.doesNotHaveBean(BreakersEndpointWebExtension.class));
	}

	@Test
	void createsNoEndpointWhenItsAccessIsNone() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=breakers",
					"management.endpoint.breakers.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(BreakersEndpoint.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheEndpoint() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.withBean("userEndpoint", BreakersEndpoint.class,
					() -> new BreakersEndpoint(CircuitBreakerRegistry.ofDefaults()))
			.run((context) -> assertThat(context).hasSingleBean(BreakersEndpoint.class).hasBean("userEndpoint"));
	}

	@Test
	void createsTheHealthIndicatorThatStaysUpWhileABreakerIsOpen() {
		this.runner.run((context) -> {
			assertThat(context).hasBean("breakersHealthIndicator");
			context.getBean(CircuitBreakerRegistry.class).breaker("payments").transitionTo(State.FORCED_OPEN);
			assertThat(health(context.getBean(BreakersHealthIndicator.class)).getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void reportsTheStatusConfiguredForAnOpenBreaker() {
		this.runner.withPropertyValues("breaker.health.status-when-open=out_of_service").run((context) -> {
			BreakersHealthIndicator indicator = context.getBean(BreakersHealthIndicator.class);
			assertThat(health(indicator).getStatus()).isEqualTo(Status.UP);
			context.getBean(CircuitBreakerRegistry.class).breaker("payments").transitionTo(State.FORCED_OPEN);
			assertThat(health(indicator).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		});
	}

	@Test
	void showsTheSharedStoreInTheHealthDetails() {
		this.runner.withBean(SharedStateStore.class, StubStore::new).run((context) -> {
			Health health = health(context.getBean(BreakersHealthIndicator.class));
			assertThat(health.getDetails()).containsEntry("store", Map.of("available", true, "type", "stub"));
		});
	}

	@Test
	void createsNoHealthIndicatorWhenDisabled() {
		this.runner.withPropertyValues("management.health.breakers.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BreakersHealthIndicator.class));
	}

	@Test
	void backsOffWhenTheUserDefinesTheHealthIndicator() {
		this.runner.withBean("breakersHealthIndicator", HealthIndicator.class, () -> () -> Health.down().build())
			.run((context) -> assertThat(context).doesNotHaveBean(BreakersHealthIndicator.class)
				.hasBean("breakersHealthIndicator"));
	}

	@Test
	void keepsTheHealthIndicatorWithoutTheEndpointClasses() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(BreakersEndpoint.class)
				.hasSingleBean(BreakersHealthIndicator.class));
	}

	@Test
	void keepsTheEndpointWithoutTheHealthClasses() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(BreakersEndpoint.class)
				.doesNotHaveBean(BreakersHealthIndicator.class));
	}

	@Test
	void startsWithNeitherTheEndpointNorTheHealthClasses() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.withClassLoader(new FilteredClassLoader(Endpoint.class, HealthIndicator.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CircuitBreakerRegistry.class)
				.doesNotHaveBean(BreakersEndpoint.class)
				.doesNotHaveBean(BreakersHealthIndicator.class));
	}

	@Test
	void doesNothingWithoutABreakerRegistry() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BreakerEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=breakers")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(BreakersEndpoint.class)
				.doesNotHaveBean(BreakersHealthIndicator.class));
	}

	private static Health health(HealthIndicator indicator) {
		Health health = indicator.health();
		assertThat(health).isNotNull();
		return health;
	}

	static class StubStore implements SharedStateStore {

		@Override
		public boolean available() {
			return true;
		}

		@Override
		public Map<String, Object> details() {
			return Map.of("type", "stub");
		}

		@Override
		public void close() {
		}

	}

}
