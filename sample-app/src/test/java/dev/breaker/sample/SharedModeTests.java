/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.redis.RedisProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The README's shared-mode walk-through as a test: two instances of the sample with the
 * {@code shared} profile on one Redis; a trip in one opens the breaker in the other.
 */
class SharedModeTests {

	/** {@code minimum-number-of-calls} in application.yml. */
	private static final int CALLS_TO_TRIP = 10;

	private static RedisProcess redis;

	private static ConfigurableApplicationContext first;

	private static ConfigurableApplicationContext second;

	@BeforeAll
	static void startRedisAndTwoInstances() throws IOException {
		redis = RedisProcess.start();
		String prefix = "sample-test-" + UUID.randomUUID();
		first = start(redis.port(), prefix);
		second = start(redis.port(), prefix);
	}

	@AfterAll
	static void stopEverything() {
		for (ConfigurableApplicationContext context : new ConfigurableApplicationContext[] { first, second }) {
			if (context != null) {
				context.close();
			}
		}
		if (redis != null) {
			redis.close();
		}
	}

	@AfterEach
	void closeTheBreakerEverywhere() {
		first.getBean(FlakyDownstream.class).update(new DownstreamSettings(0.05, 20));
		quotes(first).transitionTo(State.CLOSED);
		await().atMost(Duration.ofSeconds(5)).until(() -> quotes(second).state() == State.CLOSED);
	}

	@Test
	void aTripInOneInstanceOpensTheBreakerInTheOther() {
		QuoteService quotes = first.getBean(QuoteService.class);
		FlakyDownstream downstream = first.getBean(FlakyDownstream.class);
		downstream.update(new DownstreamSettings(0.0, 0));
		quotes.quote("ACME");
		downstream.update(new DownstreamSettings(1.0, 0));
		for (int i = 1; i < CALLS_TO_TRIP; i++) {
			quotes.quote("ACME");
		}
		// Shared breakers decide in the store, at the next sync of the counts.
		CircuitBreaker tripped = quotes(first);
		await().atMost(Duration.ofSeconds(5)).until(() -> tripped.state() == State.OPEN);

		CircuitBreaker other = quotes(second);
		assertThat(other.shared()).isTrue();
		await().atMost(Duration.ofSeconds(5)).until(() -> other.state() == State.OPEN);
		client(second).get()
			.uri("/actuator/breakers/quotes")
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("OPEN")
			.jsonPath("$.shared")
			.isEqualTo(true);
	}

	@Test
	void forcingABreakerOpenOnOnePageForcesItOnBoth() {
		client(second).post()
			.uri("/actuator/breakers/quotes")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"state\": \"FORCED_OPEN\"}")
			.exchange()
			.expectStatus()
			.isOk();
		await().atMost(Duration.ofSeconds(5)).until(() -> quotes(first).state() == State.FORCED_OPEN);
	}

	private static ConfigurableApplicationContext start(int redisPort, String prefix) {
		// Arguments, as a user would start it: they win over application.yml.
		return new SpringApplicationBuilder(SampleApplication.class).profiles("shared")
			.run("--server.port=0", "--sample.load.enabled=false", "--sample.outages.enabled=false",
					"--spring.data.redis.port=" + redisPort, "--breaker.store.redis.key-prefix=" + prefix);
	}

	private static CircuitBreaker quotes(ConfigurableApplicationContext context) {
		return context.getBean(CircuitBreakerRegistry.class).find("quotes").orElseThrow();
	}

	private static RestTestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return RestTestClient.bindToServer().baseUrl("http://localhost:" + port).build();
	}

}
