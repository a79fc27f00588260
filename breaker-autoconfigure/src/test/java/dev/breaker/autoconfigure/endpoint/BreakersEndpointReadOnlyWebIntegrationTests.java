/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's advice holds: {@code management.endpoint.breakers.access=read-only} keeps
 * the reads and refuses manual transitions over HTTP.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=breakers",
				"management.endpoint.breakers.access=read-only",
				"breaker.instances.payments.failure-rate-threshold=25" })
class BreakersEndpointReadOnlyWebIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Test
	void readsButRefusesManualTransitions() throws Exception {
		URI uri = URI.create("http://localhost:" + this.port + "/actuator/breakers/payments");
		assertThat(this.http.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.discarding()).statusCode())
			.isEqualTo(200);
		HttpRequest post = HttpRequest.newBuilder(uri)
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString("{\"state\": \"FORCED_OPEN\"}"))
			.build();
		HttpResponse<Void> response = this.http.send(post, BodyHandlers.discarding());
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(this.breakers.find("payments").orElseThrow().state()).isEqualTo(State.CLOSED);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
