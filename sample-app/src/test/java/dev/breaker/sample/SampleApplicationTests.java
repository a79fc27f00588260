/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureRestTestClient;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample starts and its own endpoints answer; the demo load is off so that nothing
 * calls the downstream behind the test's back.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { "sample.load.enabled=false", "sample.outages.enabled=false" })
@AutoConfigureRestTestClient
class SampleApplicationTests {

	@Autowired
	private RestTestClient client;

	@Autowired
	private FlakyDownstream downstream;

	@Test
	void servesTheBreakerPageAtTheRoot() {
		String page = this.client.get()
			.uri("/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.returnResult()
			.getResponseBody();
		assertThat(page).contains("<script src=\"app.js\"></script>").doesNotContain("https://");
	}

	@Test
	void downstreamReportsTheChaosKnobAndTheDemoLoad() {
		this.client.get()
			.uri("/downstream")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.failureRate")
			.isEqualTo(0.05)
			.jsonPath("$.latencyMs")
			.isEqualTo(20)
			.jsonPath("$.demoLoad")
			.isEqualTo(false)
			.jsonPath("$.outages")
			.isEqualTo(false)
			.jsonPath("$.outage")
			.isEqualTo(false);
	}

	@Test
	void postingToDownstreamTurnsTheChaosKnob() {
		DownstreamSettings before = this.downstream.settings();
		try {
			this.client.post()
				.uri("/downstream")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"failureRate\": 0.8, \"latencyMs\": 200}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.failureRate")
				.isEqualTo(0.8)
				.jsonPath("$.latencyMs")
				.isEqualTo(200);
			assertThat(this.downstream.settings()).isEqualTo(new DownstreamSettings(0.8, 200));
		}
		finally {
			this.downstream.update(before);
		}
	}

	@Test
	void anInvalidChaosKnobIsRejectedAndChangesNothing() {
		DownstreamSettings before = this.downstream.settings();
		this.client.post()
			.uri("/downstream")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"failureRate\": 1.5, \"latencyMs\": 200}")
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("failureRate must be between 0.0 and 1.0, was 1.5");
		assertThat(this.downstream.settings()).isEqualTo(before);
	}

	@Test
	void outagesAreSimulatedOnlyWhileTheDemoLoadRuns() {
		try {
			this.client.post()
				.uri("/downstream")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"outages\": true}")
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody()
				.jsonPath("$.outages")
				.isEqualTo(true)
				.jsonPath("$.outageChangeInSeconds")
				.isEmpty();
		}
		finally {
			this.client.post()
				.uri("/downstream")
				.contentType(MediaType.APPLICATION_JSON)
				.body("{\"outages\": false}")
				.exchange()
				.expectStatus()
				.isOk();
		}
	}

	@Test
	void actuatorExposesHealthMetricsAndPrometheus() {
		this.client.get()
			.uri("/actuator/health")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("UP");
		this.client.get().uri("/actuator/metrics").exchange().expectStatus().isOk();
		this.client.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
	}

	@Test
	void localModeNeedsNoRedis() {
		this.client.get().uri("/actuator/health").exchange().expectBody().jsonPath("$.components.redis").doesNotExist();
	}

}
