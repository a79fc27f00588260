/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig.SlidingWindowType;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.StateTransition;
import dev.breaker.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

import static org.assertj.core.api.Assertions.assertThat;

class BreakerAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class));

	@Test
	void createsARegistryWithTheBuiltInDefaults() {
		this.runner.run((context) -> {
			CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
			assertThat(registry.defaults()).isEqualTo(CircuitBreakerConfig.ofDefaults());
			assertThat(registry.all()).isEmpty();
			assertThat(context).hasSingleBean(Ticker.class);
		});
	}

	@Test
	void createsEveryConfiguredInstanceAtStartup() {
		this.runner
			.withPropertyValues("breaker.instances.payments.failure-rate-threshold=25",
					"breaker.instances.stock.sliding-window-size=10")
			.run((context) -> assertThat(context.getBean(CircuitBreakerRegistry.class).all())
				.extracting(CircuitBreaker::name)
				.containsExactlyInAnyOrder("payments", "stock"));
	}

	@Test
	void instancesInheritFromDefaultsKeyByKey() {
		this.runner
			.withPropertyValues("breaker.defaults.failure-rate-threshold=40", "breaker.defaults.sliding-window-size=20",
					"breaker.defaults.sliding-window-type=time-based",
					"breaker.defaults.wait-duration-in-open-state=5s",
					"breaker.instances.payments.failure-rate-threshold=25",
					"breaker.instances.payments.slow-call-duration-threshold=200ms",
					"breaker.instances.payments.record-exceptions=java.io.IOException",
					"breaker.instances.payments.shared=false")
			.run((context) -> {
				CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
				CircuitBreakerConfig payments = registry.find("payments").orElseThrow().config();
				assertThat(payments.failureRateThreshold()).isEqualTo(25);
				assertThat(payments.slidingWindowSize()).isEqualTo(20);
				assertThat(payments.slidingWindowType()).isEqualTo(SlidingWindowType.TIME_BASED);
				assertThat(payments.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(5));
				assertThat(payments.slowCallDurationThreshold()).isEqualTo(Duration.ofMillis(200));
				assertThat(payments.recordExceptions()).containsExactly(java.io.IOException.class);
				assertThat(payments.shared()).isFalse();
				assertThat(payments.minimumNumberOfCalls()).isEqualTo(100);
				assertThat(registry.defaults().failureRateThreshold()).isEqualTo(40);
				assertThat(registry.breaker("other").config().failureRateThreshold()).isEqualTo(40);
			});
	}

	@Test
	void bindsTheStoreAndHealthProperties() {
		this.runner
			.withPropertyValues("breaker.store.type=redis", "breaker.store.redis.key-prefix=svc",
					"breaker.store.redis.sync-interval=250ms", "breaker.store.redis.min-failing-instances=2",
					"breaker.store.redis.on-store-failure=fail-open", "breaker.health.status-when-open=DOWN",
					"breaker.strict=true", "breaker.aspect-order=7", "breaker.enabled=false")
			.run((context) -> {
				BreakerProperties properties = context.getBean(BreakerProperties.class);
				assertThat(properties.getStore().getType()).isEqualTo(StoreProperties.Type.REDIS);
				assertThat(properties.getStore().getRedis().getKeyPrefix()).isEqualTo("svc");
				assertThat(properties.getStore().getRedis().getSyncInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(properties.getStore().getRedis().getMinFailingInstances()).isEqualTo(2);
				assertThat(properties.getStore().getRedis().getOnStoreFailure())
					.isEqualTo(StoreProperties.Redis.OnStoreFailure.FAIL_OPEN);
				assertThat(properties.getHealth().getStatusWhenOpen()).isEqualTo("DOWN");
				assertThat(properties.isStrict()).isTrue();
				assertThat(properties.getAspectOrder()).isEqualTo(7);
				assertThat(properties.isEnabled()).isFalse();
			});
	}

	@Test
	void backsOffWhenTheUserDefinesARegistryAndATicker() {
		this.runner.withUserConfiguration(UserBeans.class).run((context) -> {
			assertThat(context.getBean(CircuitBreakerRegistry.class)).isSameAs(UserBeans.REGISTRY);
			assertThat(context.getBean(Ticker.class)).isSameAs(UserBeans.TICKER);
		});
	}

	@Test
	void livesBesideResilience4jWhoseRegistryBeanIsNamedCircuitBreakerRegistry() {
		// Resilience4j's starter defines a bean of its own registry type under this name;
		// a
		// team migrating one breaker at a time has both starters in one application.
		this.runner.withBean("circuitBreakerRegistry", StringBuilder.class, StringBuilder::new).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(CircuitBreakerRegistry.class);
		});
	}

	@Test
	void aTickerBeanDrivesEveryBreaker() {
		this.runner.withUserConfiguration(ManualTicker.class)
			.withPropertyValues("breaker.instances.payments.wait-duration-in-open-state=10s")
			.run((context) -> {
				CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
				ManualTicker ticker = context.getBean(ManualTicker.class);
				assertThat(registry.breaker("payments").ticker()).isSameAs(ticker);
				assertThat(registry.breaker("created-later").ticker()).isSameAs(ticker);
			});
	}

	@Test
	void aFactoryBeanMakesTheBreakersWithTheMergedConfiguration() {
		this.runner.withUserConfiguration(RecordingFactory.class)
			.withPropertyValues("breaker.instances.payments.failure-rate-threshold=25")
			.run((context) -> {
				RecordingFactory factory = context.getBean(RecordingFactory.class);
				assertThat(factory.created).containsExactly("payments:25.0");
				context.getBean(CircuitBreakerRegistry.class).breaker("stock");
				assertThat(factory.created).containsExactly("payments:25.0", "stock:50.0");
			});
	}

	@Test
	void publishesTransitionsAsApplicationEventsIncludingBreakersCreatedLater() {
		this.runner.withUserConfiguration(TransitionListener.class)
			.withPropertyValues("breaker.instances.payments.failure-rate-threshold=25")
			.run((context) -> {
				CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
				registry.breaker("payments").transitionTo(State.FORCED_OPEN);
				registry.breaker("created-later").transitionTo(State.DISABLED);
				assertThat(context.getBean(TransitionListener.class).heard).extracting(StateTransition::toString)
					.containsExactly("Circuit breaker 'payments' CLOSED -> FORCED_OPEN: manual transition",
							"Circuit breaker 'created-later' CLOSED -> DISABLED: manual transition");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final Ticker TICKER = () -> 42;

		static final CircuitBreakerRegistry REGISTRY = CircuitBreakerRegistry.ofDefaults();

		@Bean
		CircuitBreakerRegistry userRegistry() {
			return REGISTRY;
		}

		@Bean
		Ticker userTicker() {
			return TICKER;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class ManualTicker implements Ticker {

		final AtomicLong nanos = new AtomicLong();

		@Override
		public long read() {
			return this.nanos.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingFactory implements CircuitBreakerRegistry.Factory {

		final List<String> created = new ArrayList<>();

		@Override
		public CircuitBreaker create(String name, CircuitBreakerConfig config) {
			this.created.add(name + ":" + config.failureRateThreshold());
			return CircuitBreaker.of(name, config);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TransitionListener {

		final List<StateTransition> heard = new ArrayList<>();

		@EventListener
		void on(StateTransition transition) {
			this.heard.add(transition);
		}

	}

}
