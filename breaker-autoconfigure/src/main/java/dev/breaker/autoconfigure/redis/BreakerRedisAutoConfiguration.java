/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.redis;

import java.time.Duration;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.Ticker;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import dev.breaker.autoconfigure.BreakerProperties;
import dev.breaker.autoconfigure.InvalidBreakerPropertyException;
import dev.breaker.autoconfigure.StoreProperties;
import dev.breaker.redis.RedisStoreBackend;
import dev.breaker.store.OnStoreFailure;
import dev.breaker.store.SharedStateStore;
import dev.breaker.store.SharedStore;
import dev.breaker.store.StoreSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.RedisConnectionFactory;

/**
 * Auto-configuration of shared breakers: with {@code breaker.store.type=redis}, a
 * {@link SharedStore} on the application's {@link RedisConnectionFactory} and the
 * registry factory that makes shared breakers for configurations with
 * {@code shared=true}.
 */
@AutoConfiguration(before = BreakerAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnClass({ RedisStoreBackend.class, RedisConnectionFactory.class })
@ConditionalOnProperty(name = "breaker.store.type", havingValue = "redis")
@EnableConfigurationProperties(BreakerProperties.class)
public final class BreakerRedisAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(SharedStateStore.class)
	@ConditionalOnBean(RedisConnectionFactory.class)
	SharedStore breakerSharedStateStore(RedisConnectionFactory connectionFactory, BreakerProperties properties) {
		StoreProperties.Redis redis = properties.getStore().getRedis();
		return new SharedStore(new RedisStoreBackend(connectionFactory, keyPrefix(redis)), settings(redis));
	}

	@Bean
	@ConditionalOnMissingBean(CircuitBreakerRegistry.Factory.class)
	@ConditionalOnBean(SharedStore.class)
	CircuitBreakerRegistry.Factory sharedCircuitBreakerFactory(SharedStore store, ObjectProvider<Ticker> ticker) {
		return store.factory(ticker.getIfUnique(Ticker::system));
	}

	private static String keyPrefix(StoreProperties.Redis redis) {
		String prefix = redis.getKeyPrefix();
		if (prefix == null || prefix.isBlank() || prefix.contains("{") || prefix.contains("}")) {
			throw new InvalidBreakerPropertyException("breaker.store.redis.key-prefix", prefix,
					"a non-blank prefix without braces (the store adds a hash tag per breaker)", null);
		}
		return prefix;
	}

	static StoreSettings settings(StoreProperties.Redis redis) {
		Duration interval = redis.getSyncInterval();
		if (interval == null || interval.toMillis() < 1 || interval.compareTo(Duration.ofMinutes(1)) > 0) {
			throw new InvalidBreakerPropertyException("breaker.store.redis.sync-interval", interval,
					"between 1ms and 1m", null);
		}
		if (redis.getMinFailingInstances() < 1) {
			throw new InvalidBreakerPropertyException("breaker.store.redis.min-failing-instances",
					redis.getMinFailingInstances(), "at least 1", null);
		}
		return StoreSettings.defaults()
			.withSyncInterval(interval)
			.withMinFailingInstances(redis.getMinFailingInstances())
			.withOnStoreFailure(OnStoreFailure.valueOf(redis.getOnStoreFailure().name()));
	}

	/**
	 * Counts store errors in {@code breaker.store.errors} when Micrometer is present; the
	 * registry is looked up per error (errors are rare), so no ordering against the
	 * metrics auto-configuration is needed.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class StoreErrorsMeterConfiguration {

		// No @ConditionalOnBean(SharedStore): member classes are processed before the
		// outer class's bean methods, so that condition would never match.
		@Bean
		StoreErrorCounter breakerStoreErrorCounter(ObjectProvider<SharedStore> store,
				ObjectProvider<MeterRegistry> registry) {
			SharedStore shared = store.getIfAvailable();
			StoreErrorCounter counter = new StoreErrorCounter(registry, shared != null);
			if (shared != null) {
				shared.onError(counter);
			}
			return counter;
		}

	}

}
