/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.Ticker;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The {@code breakers} endpoint, the health contributor and the Prometheus scrape over
 * real HTTP on a random port. Each test uses its own breaker names: the context is
 * shared.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "management.endpoints.web.exposure.include=breakers,health,prometheus",
				"management.endpoint.health.show-details=always", "breaker.defaults.sliding-window-size=2",
				"breaker.defaults.minimum-number-of-calls=2", "breaker.defaults.wait-duration-in-open-state=30s",
				"breaker.defaults.permitted-number-of-calls-in-half-open-state=1",
				"breaker.instances.configured.failure-rate-threshold=25" })
class BreakersEndpointWebIntegrationTests {

	private static final AtomicLong nanos = new AtomicLong();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	@Autowired
	private CircuitBreakerRegistry breakers;

	@Test
	void readsEveryBreaker() throws Exception {
		this.breakers.breaker("all-a");
		this.breakers.breaker("all-b").transitionTo(State.DISABLED);
		HttpResponse<String> response = get("/actuator/breakers");
		assertThat(response.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read("$.breakers['all-a'].state", String.class)).isEqualTo("CLOSED");
		assertThat(json.read("$.breakers['configured'].state", String.class)).isEqualTo("CLOSED");
		assertThat(json.read("$.breakers['all-b'].state", String.class)).isEqualTo("DISABLED");
		assertThat(json.read("$.breakers['all-b'].transitions[0].to", String.class)).isEqualTo("DISABLED");
	}

	@Test
	void readsOneBreakerWithExactlyTheContractFields() throws Exception {
		trip("one");
		nanos.addAndGet(Duration.ofSeconds(30).toNanos());
		this.breakers.find("one").orElseThrow().call(() -> "trial");
		HttpResponse<String> response = get("/actuator/breakers/one");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/vnd.spring-boot.actuator.v3+json"));
		Map<String, Object> breaker = JsonPath.parse(response.body()).read("$");
		assertThat(breaker).containsOnlyKeys("state", "failureRate", "slowCallRate", "bufferedCalls", "failedCalls",
				"slowCalls", "notPermittedCalls", "shared", "transitions");
		assertThat(breaker).containsEntry("state", "CLOSED")
			.containsEntry("failureRate", -1.0)
			.containsEntry("bufferedCalls", 0)
			.containsEntry("notPermittedCalls", 0)
			.containsEntry("shared", false);
		List<Map<String, Object>> transitions = JsonPath.parse(response.body()).read("$.transitions");
		assertThat(transitions).extracting((transition) -> transition.get("from") + "->" + transition.get("to"))
			.containsExactly("HALF_OPEN->CLOSED", "OPEN->HALF_OPEN", "CLOSED->OPEN");
		assertThat(transitions.get(2)).containsOnlyKeys("from", "to", "reason", "at");
		assertThat((String) transitions.get(2).get("reason")).startsWith("failure rate 100");
		assertThat((String) transitions.get(2).get("at")).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:.*Z");
	}

	@Test
	void answers404ForAnUnknownBreakerWithoutCreatingIt() throws Exception {
		assertThat(get("/actuator/breakers/unknown-read").statusCode()).isEqualTo(404);
		assertThat(post("/actuator/breakers/unknown-write", "{\"state\": \"FORCED_OPEN\"}").statusCode())
			.isEqualTo(404);
		assertThat(this.breakers.find("unknown-read")).isEmpty();
		assertThat(this.breakers.find("unknown-write")).isEmpty();
	}

	@Test
	void transitionsABreakerByHandAndAnswersItsNewState() throws Exception {
		this.breakers.breaker("write");
		HttpResponse<String> response = post("/actuator/breakers/write", "{\"state\": \"FORCED_OPEN\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(JsonPath.parse(response.body()).read("$.state", String.class)).isEqualTo("FORCED_OPEN");
		assertThat(JsonPath.parse(response.body()).read("$.transitions[0].reason", String.class))
			.isEqualTo("manual transition");
		assertThat(this.breakers.find("write").orElseThrow().state()).isEqualTo(State.FORCED_OPEN);
		response = post("/actuator/breakers/write", "{\"state\": \"CLOSED\"}");
		assertThat(JsonPath.parse(response.body()).read("$.state", String.class)).isEqualTo("CLOSED");
	}

	@Test
	void answers400ForAStateThatCannotBeSetByHand() throws Exception {
		this.breakers.breaker("bad-write");
		for (String body : new String[] { "{\"state\": \"OPEN\"}", "{\"state\": \"HALF_OPEN\"}",
				"{\"state\": \"shut\"}", "{}" }) {
			assertThat(post("/actuator/breakers/bad-write", body).statusCode()).as(body).isEqualTo(400);
		}
		assertThat(this.breakers.find("bad-write").orElseThrow().state()).isEqualTo(State.CLOSED);
	}

	@Test
	void healthIsUpWithTheDetailsOfClosedAndOpenBreakers() throws Exception {
		this.breakers.breaker("health-closed");
		trip("health-open");
		HttpResponse<String> response = get("/actuator/health/breakers");
		assertThat(response.statusCode()).isEqualTo(200);
		DocumentContext json = JsonPath.parse(response.body());
		assertThat(json.read("$.status", String.class)).isEqualTo("UP");
		assertThat(json.read("$.details['health-closed'].state", String.class)).isEqualTo("CLOSED");
		assertThat(json.read("$.details['health-open'].state", String.class)).isEqualTo("OPEN");
		assertThat(json.read("$.details['health-open'].failureRate", Double.class)).isEqualTo(100.0);
		assertThat(get("/actuator/health").statusCode()).isEqualTo(200);
	}

	@Test
	void prometheusScrapeShowsTheBreakerMeters() throws Exception {
		trip("scraped");
		String body = get("/actuator/prometheus").body();
		assertThat(body).contains("breaker_state{name=\"scraped\",state=\"open\"} 1.0")
			.contains("breaker_state{name=\"configured\",state=\"closed\"} 1.0")
			.contains("breaker_state{name=\"scraped\",state=\"closed\"} 0.0")
			.contains("breaker_calls_total{name=\"scraped\",outcome=\"failure\"} 2.0")
			.contains("breaker_calls_total{name=\"scraped\",outcome=\"not_permitted\"} 0.0")
			.contains("breaker_slow_calls_total{name=\"scraped\"} 0.0")
			.contains("breaker_failure_rate{name=\"scraped\"} 100.0")
			.contains("breaker_slow_call_rate{name=\"scraped\"} 0.0")
			.contains("breaker_transitions_total{from=\"closed\",name=\"scraped\",to=\"open\"} 1.0")
			.contains("# HELP breaker_calls_total Calls through the circuit breaker, by outcome");
	}

	private void trip(String name) {
		CircuitBreaker breaker = this.breakers.breaker(name);
		for (int i = 0; i < 2; i++) {
			assertThatIOException().isThrownBy(() -> breaker.call(() -> {
				throw new IOException("down");
			}));
		}
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	private HttpResponse<String> get(String path) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), BodyHandlers.ofString());
	}

	private HttpResponse<String> post(String path, String json) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build();
		return this.http.send(request, BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		Ticker breakerTicker() {
			return nanos::get;
		}

	}

}
