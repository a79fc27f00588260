/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.math.BigDecimal;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The quote endpoints through the breakers, with the demo load off: the test turns the
 * chaos knob itself and counts the calls that trip a breaker.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.load.enabled=false", "sample.outages.enabled=false" })
@AutoConfigureRestTestClient
class GuardedQuotesTests {

	/** {@code minimum-number-of-calls} in application.yml. */
	private static final int CALLS_TO_TRIP = 10;

	@Autowired
	private RestTestClient client;

	@Autowired
	private FlakyDownstream downstream;

	@Autowired
	private CircuitBreakerRegistry registry;

	private DownstreamSettings before;

	@BeforeEach
	void healthyDownstreamAndClosedBreakers() {
		this.before = this.downstream.settings();
		this.downstream.update(new DownstreamSettings(0.0, 0));
		this.registry.all().forEach(CircuitBreaker::reset);
	}

	@AfterEach
	void restoreDownstreamAndCloseBreakers() {
		// The context is shared with SampleApplicationTests.
		this.downstream.update(this.before);
		this.registry.all().forEach(CircuitBreaker::reset);
	}

	@Test
	void everyConfiguredBreakerIsListedBeforeItsFirstCall() {
		this.client.get()
			.uri("/actuator/breakers")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.breakers.quotes.state")
			.isEqualTo("CLOSED")
			.jsonPath("$.breakers.quotes-async.state")
			.isEqualTo("CLOSED");
	}

	@Test
	void fallbackServesTheLastGoodQuoteMarkedStaleWhenTheDownstreamFails() {
		Quote fresh = quote("/quotes/ACME");
		assertThat(fresh.stale()).isFalse();
		failEverything();
		Quote stale = quote("/quotes/ACME");
		assertThat(stale.stale()).isTrue();
		assertThat(stale.price()).isEqualTo(fresh.price());
		assertThat(stale.staleReason()).isEqualTo("price service failed for ACME");
	}

	@Test
	void asyncVariantFallsBackTheSameWay() {
		Quote fresh = quote("/quotes/GLOBX/async");
		failEverything();
		Quote stale = quote("/quotes/GLOBX/async");
		assertThat(stale.stale()).isTrue();
		assertThat(stale.price()).isEqualTo(fresh.price());
		assertThat(stale.staleReason()).isEqualTo("price service failed for GLOBX");
	}

	@Test
	void withNothingCachedTheServiceIsUnavailable() {
		failEverything();
		this.client.get().uri("/quotes/NEVERSEEN").exchange().expectStatus().isEqualTo(503);
		this.client.get().uri("/quotes/NEVERSEEN/async").exchange().expectStatus().isEqualTo(503);
	}

	@Test
	void failuresTripTheBreakerWhichThenRejectsCallsUntilClosedByHand() {
		BigDecimal price = quote("/quotes/ACME").price();
		long rejectedBefore = this.registry.find("quotes").orElseThrow().metrics().notPermittedCalls();
		failEverything();
		for (int i = 1; i < CALLS_TO_TRIP; i++) {
			quote("/quotes/ACME");
		}
		assertThat(this.registry.find("quotes").orElseThrow().state()).isEqualTo(State.OPEN);
		this.client.get()
			.uri("/actuator/breakers/quotes")
			.exchange()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("OPEN")
			.jsonPath("$.transitions[0].to")
			.isEqualTo("OPEN")
			.jsonPath("$.transitions[0].reason")
			.value(String.class, (reason) -> assertThat(reason).contains("failure rate"));

		Quote rejected = quote("/quotes/ACME");
		assertThat(rejected.staleReason()).isEqualTo("breaker 'quotes' is OPEN");
		assertThat(rejected.price()).isEqualTo(price);
		assertThat(this.registry.find("quotes").orElseThrow().metrics().notPermittedCalls())
			.isEqualTo(rejectedBefore + 1);

		this.client.post()
			.uri("/actuator/breakers/quotes")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"state\": \"CLOSED\"}")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.state")
			.isEqualTo("CLOSED");
	}

	@Test
	void prometheusScrapeCarriesTheBreakerMeters() {
		String scrape = this.client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(scrape).contains("breaker_state{").contains("name=\"quotes\"").contains("name=\"quotes-async\"");
	}

	private void failEverything() {
		this.downstream.update(new DownstreamSettings(1.0, 0));
	}

	private Quote quote(String uri) {
		return this.client.get()
			.uri(uri)
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Quote.class)
			.returnResult()
			.getResponseBody();
	}

}
