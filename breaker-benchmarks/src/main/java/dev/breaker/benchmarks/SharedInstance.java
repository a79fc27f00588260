/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.time.Duration;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.Ticker;
import dev.breaker.redis.RedisStoreBackend;
import dev.breaker.store.SharedStore;
import dev.breaker.store.StoreSettings;

/**
 * One application instance in shared mode: its own Redis connection and shared store, as
 * a separate process would have them.
 */
final class SharedInstance implements AutoCloseable {

	private final LettuceConnectionFactory connectionFactory;

	private final SharedStore store;

	/**
	 * Connect an instance to the server.
	 * @param port the port of the benchmark's own Redis on the loopback interface
	 * @param keyPrefix the key prefix, so that runs do not see each other's state
	 */
	SharedInstance(int port, String keyPrefix) {
		this.connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
				LettuceClientConfiguration.builder().commandTimeout(Duration.ofSeconds(2)).build());
		this.connectionFactory.afterPropertiesSet();
		this.connectionFactory.start();
		this.store = new SharedStore(new RedisStoreBackend(this.connectionFactory, keyPrefix),
				StoreSettings.defaults());
	}

	/**
	 * The shared breaker of that name in this instance.
	 * @param name the breaker name
	 * @param config its configuration
	 * @return the breaker
	 */
	CircuitBreaker breaker(String name, CircuitBreakerConfig config) {
		return this.store.breaker(name, config, Ticker.system());
	}

	@Override
	public void close() {
		this.store.close();
		this.connectionFactory.destroy();
	}

}
