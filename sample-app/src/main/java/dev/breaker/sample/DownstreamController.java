/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Duration;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chaos knob: reads and changes how the simulated downstream behaves and whether the
 * demo load runs.
 */
@RestController
public class DownstreamController {

	private final FlakyDownstream downstream;

	private final DemoLoad demoLoad;

	public DownstreamController(FlakyDownstream downstream, DemoLoad demoLoad) {
		this.downstream = downstream;
		this.demoLoad = demoLoad;
	}

	@GetMapping("/downstream")
	public DownstreamStatus status() {
		DownstreamSettings settings = this.downstream.settings();
		Duration untilChange = this.demoLoad.untilOutageChange();
		Long outageChange = (untilChange != null) ? (untilChange.toMillis() + 999) / 1000 : null;
		return new DownstreamStatus(settings.failureRate(), settings.latencyMs(), this.downstream.outage(),
				outageChange, this.demoLoad.loadEnabled(), this.demoLoad.outagesEnabled());
	}

	@PostMapping("/downstream")
	public DownstreamStatus change(@RequestBody DownstreamChange change) {
		DownstreamSettings current = this.downstream.settings();
		double failureRate = (change.failureRate() != null) ? change.failureRate() : current.failureRate();
		long latencyMs = (change.latencyMs() != null) ? change.latencyMs() : current.latencyMs();
		// Validate everything before changing anything.
		DownstreamSettings settings = new DownstreamSettings(failureRate, latencyMs);
		this.downstream.update(settings);
		if (change.demoLoad() != null) {
			this.demoLoad.loadEnabled(change.demoLoad());
		}
		if (change.outages() != null) {
			this.demoLoad.outagesEnabled(change.outages());
		}
		return status();
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail invalidChange(IllegalArgumentException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
	}

}
