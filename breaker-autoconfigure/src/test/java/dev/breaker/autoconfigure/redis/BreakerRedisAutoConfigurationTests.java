/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.redis;

import java.time.Duration;
import java.util.Map;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.redis.RedisProcess;
import dev.breaker.redis.RedisStoreBackend;
import dev.breaker.store.OnStoreFailure;
import dev.breaker.store.SharedStateStore;
import dev.breaker.store.SharedStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class BreakerRedisAutoConfigurationTests {

	private static RedisProcess redis;

	private ApplicationContextRunner runner;

	@BeforeAll
	static void startRedis() {
		redis = RedisProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	BreakerRedisAutoConfigurationTests() {
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
					BreakerRedisAutoConfiguration.class, BreakerAutoConfiguration.class))
			.withPropertyValues("spring.data.redis.host=127.0.0.1", "spring.data.redis.port=" + redis.port());
	}

	@Test
	void breakersStayLocalUnlessTheStoreTypeIsRedis() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(SharedStateStore.class);
			assertThat(context.getBean(CircuitBreakerRegistry.class).breaker("payments").shared()).isFalse();
		});
	}

	@Test
	void withStoreTypeRedisSharedBreakersKeepTheirStateInRedis() {
		this.runner
			.withPropertyValues("breaker.store.type=redis", "breaker.store.redis.key-prefix=shop",
					"breaker.store.redis.sync-interval=50ms", "breaker.store.redis.min-failing-instances=2",
					"breaker.store.redis.on-store-failure=fail-open",
					"breaker.instances.payments.failure-rate-threshold=25", "breaker.instances.audit.shared=false")
			.run((context) -> {
				SharedStore store = context.getBean(SharedStore.class);
				assertThat(store.settings().syncInterval()).isEqualTo(Duration.ofMillis(50));
				assertThat(store.settings().minFailingInstances()).isEqualTo(2);
				assertThat(store.settings().onStoreFailure()).isEqualTo(OnStoreFailure.FAIL_OPEN);
				CircuitBreakerRegistry registry = context.getBean(CircuitBreakerRegistry.class);
				assertThat(registry.find("payments").orElseThrow().shared()).isTrue();
				assertThat(registry.find("audit").orElseThrow().shared()).isFalse();
				RedisConnectionFactory connections = context.getBean(RedisConnectionFactory.class);
				await().atMost(Duration.ofSeconds(5)).until(() -> {
					try (var connection = connections.getConnection()) {
						return connection.keyCommands().exists("shop:{payments}:state".getBytes());
					}
				});
				assertThat(store.details()).containsEntry("type", "redis").containsEntry("keyPrefix", "shop");
			});
	}

	@Test
	void twoApplicationContextsAreTwoInstancesOfOneBreaker() {
		ApplicationContextRunner shared = this.runner.withPropertyValues("breaker.store.type=redis",
				"breaker.store.redis.key-prefix=two", "breaker.instances.payments.minimum-number-of-calls=4",
				"breaker.instances.payments.sliding-window-size=4");
		shared.run((first) -> shared.run((second) -> {
			CircuitBreaker one = first.getBean(CircuitBreakerRegistry.class).breaker("payments");
			CircuitBreaker two = second.getBean(CircuitBreakerRegistry.class).breaker("payments");
			assertThat(first.getBean(SharedStore.class).instanceId())
				.isNotEqualTo(second.getBean(SharedStore.class).instanceId());
			for (int i = 0; i < 2; i++) {
				one.onError(one.acquirePermission(), 0, new IllegalStateException());
				two.onError(two.acquirePermission(), 0, new IllegalStateException());
			}
			await().atMost(Duration.ofSeconds(5)).until(() -> one.state() == State.OPEN && two.state() == State.OPEN);
		}));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnStore() {
		this.runner.withPropertyValues("breaker.store.type=redis")
			.withUserConfiguration(OwnStoreConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(SharedStateStore.class).doesNotHaveBean(SharedStore.class);
				assertThat(context.getBean(CircuitBreakerRegistry.class).breaker("payments").shared()).isFalse();
			});
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnFactory() {
		this.runner.withPropertyValues("breaker.store.type=redis")
			.withUserConfiguration(OwnFactoryConfiguration.class)
			.run((context) -> assertThat(context.getBean(CircuitBreakerRegistry.class).breaker("payments").name())
				.isEqualTo("payments")
				.satisfies((name) -> assertThat(OwnFactoryConfiguration.made).isTrue()));
	}

	@Test
	void doesNothingWithoutBreakerRedis() {
		this.runner.withPropertyValues("breaker.store.type=redis")
			.withClassLoader(new FilteredClassLoader(RedisStoreBackend.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(SharedStateStore.class);
				assertThat(context.getBean(CircuitBreakerRegistry.class).breaker("payments").shared()).isFalse();
			});
	}

	@Test
	void doesNothingWithoutSpringDataRedis() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BreakerRedisAutoConfiguration.class, BreakerAutoConfiguration.class))
			.withPropertyValues("breaker.store.type=redis")
			.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(SharedStateStore.class));
	}

	@Test
	void anInvalidSyncIntervalFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("breaker.store.type=redis", "breaker.store.redis.sync-interval=0ms")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("breaker.store.redis.sync-interval"));
	}

	@Test
	void storeErrorsAreCountedByOperation() {
		this.runner
			.withPropertyValues("breaker.store.type=redis", "spring.data.redis.port=" + RedisProcess.freePort(),
					"breaker.instances.payments.failure-rate-threshold=50")
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				// registered up front, so a dashboard shows 0 before the first error
				assertThat(meters.find("breaker.store.errors").tag("operation", "sync").counter()).isNotNull();
				SharedStore store = context.getBean(SharedStore.class);
				await().atMost(Duration.ofSeconds(10)).until(() -> !store.available());
				assertThat(meters.get("breaker.store.errors").counters())
					.anySatisfy((counter) -> assertThat(counter.count()).isGreaterThanOrEqualTo(3));
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnStoreConfiguration {

		@Bean
		SharedStateStore ownStore() {
			return new SharedStateStore() {

				@Override
				public boolean available() {
					return true;
				}

				@Override
				public Map<String, Object> details() {
					return Map.of();
				}

				@Override
				public void close() {
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnFactoryConfiguration {

		static volatile boolean made;

		@Bean
		CircuitBreakerRegistry.Factory ownFactory() {
			return (name, config) -> {
				made = true;
				return CircuitBreaker.of(name, config);
			};
		}

	}

}
