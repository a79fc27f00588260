/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the sample itself ({@code sample.*}): the simulated downstream and the
 * built-in demo load.
 */
@ConfigurationProperties("sample")
public class DemoProperties {

	private final Downstream downstream = new Downstream();

	private final Load load = new Load();

	private final Outages outages = new Outages();

	public Downstream getDownstream() {
		return this.downstream;
	}

	public Load getLoad() {
		return this.load;
	}

	public Outages getOutages() {
		return this.outages;
	}

	/** How the simulated downstream starts. */
	public static class Downstream {

		/** Share of requests that fail, 0.0 to 1.0. */
		private double failureRate = 0.05;

		/** Latency of each request in milliseconds. */
		private long latencyMs = 20;

		public double getFailureRate() {
			return this.failureRate;
		}

		public void setFailureRate(double failureRate) {
			this.failureRate = failureRate;
		}

		public long getLatencyMs() {
			return this.latencyMs;
		}

		public void setLatencyMs(long latencyMs) {
			this.latencyMs = latencyMs;
		}

		DownstreamSettings toSettings() {
			return new DownstreamSettings(this.failureRate, this.latencyMs);
		}

	}

	/** The built-in load that calls the quote service in the background. */
	public static class Load {

		/** Whether the demo load runs from startup. */
		private boolean enabled = true;

		/** Calls per second, shared between the sync and the async quote methods. */
		private int callsPerSecond = 20;

		/** Symbols the load asks quotes for. */
		private List<String> symbols = new ArrayList<>(List.of("ACME", "GLOBX", "INITECH", "UMBRL"));

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getCallsPerSecond() {
			return this.callsPerSecond;
		}

		public void setCallsPerSecond(int callsPerSecond) {
			this.callsPerSecond = callsPerSecond;
		}

		public List<String> getSymbols() {
			return this.symbols;
		}

		public void setSymbols(List<String> symbols) {
			this.symbols = symbols;
		}

	}

	/** Outages that the demo load simulates on a cycle, so breakers trip on their own. */
	public static class Outages {

		/** Whether the demo load simulates outages (only while the demo load runs). */
		private boolean enabled = true;

		/** Time from the start of one outage to the start of the next. */
		private Duration every = Duration.ofSeconds(45);

		/** How long each outage lasts. */
		private Duration length = Duration.ofSeconds(15);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getEvery() {
			return this.every;
		}

		public void setEvery(Duration every) {
			this.every = every;
		}

		public Duration getLength() {
			return this.length;
		}

		public void setLength(Duration length) {
			this.length = length;
		}

	}

}
