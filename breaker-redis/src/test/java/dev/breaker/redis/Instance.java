/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.Ticker;
import dev.breaker.store.OnStoreFailure;
import dev.breaker.store.SharedStore;
import dev.breaker.store.StoreSettings;

/**
 * One application instance in a test: its own connection factory, store and registry.
 */
final class Instance implements AutoCloseable {

	final LettuceConnectionFactory connectionFactory;

	final SharedStore store;

	final CircuitBreakerRegistry registry;

	final AtomicLong storeErrors = new AtomicLong();

	/**
	 * Settings for tests on a busy build machine: the documented defaults, but a command
	 * timeout that a CPU-starved JVM does not mistake for an outage.
	 * @return the settings
	 */
	static StoreSettings settings() {
		return new StoreSettings(Duration.ofMillis(100), Duration.ofMillis(300), 1, OnStoreFailure.LOCAL, 3,
				Duration.ofSeconds(1));
	}

	/**
	 * Load Lettuce and Netty once, so that the first test does not pay seconds of class
	 * loading inside its first sync.
	 * @param redis the server to connect to
	 */
	static void warmUp(RedisProcess redis) {
		LettuceConnectionFactory factory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		factory.afterPropertiesSet();
		factory.start();
		try (RedisConnection connection = factory.getConnection()) {
			connection.ping();
		}
		factory.destroy();
	}

	Instance(RedisProcess redis, StoreSettings settings, String prefix, Ticker ticker) {
		LettuceClientConfiguration client = LettuceClientConfiguration.builder()
			.commandTimeout(Duration.ofSeconds(2))
			.build();
		this.connectionFactory = new LettuceConnectionFactory(
				new RedisStandaloneConfiguration("127.0.0.1", redis.port()), client);
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.store = new SharedStore(new RedisStoreBackend(this.connectionFactory, prefix), settings);
		this.store.onError((operation) -> this.storeErrors.incrementAndGet());
		this.registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.ofDefaults(), this.store.factory(ticker));
	}

	Instance(RedisProcess redis, StoreSettings settings, String prefix) {
		this(redis, settings, prefix, Ticker.system());
	}

	CircuitBreaker breaker(String name, CircuitBreakerConfig config) {
		return this.registry.breaker(name, config);
	}

	@Override
	public void close() {
		this.store.close();
		this.connectionFactory.destroy();
	}

}
