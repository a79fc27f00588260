/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * A simulated remote price service whose failure rate and latency are set at run time,
 * standing in for the flaky dependency a circuit breaker protects.
 */
@Component
public class FlakyDownstream {

	/** The failure rate while a demo outage is in progress. */
	static final double OUTAGE_FAILURE_RATE = 0.9;

	private final Map<String, Double> prices = new ConcurrentHashMap<>();

	private final Clock clock;

	private final DoubleSupplier random;

	private volatile DownstreamSettings settings;

	private volatile boolean outage;

	@Autowired
	public FlakyDownstream(DemoProperties properties) {
		this(properties.getDownstream().toSettings(), Clock.systemUTC(),
				() -> ThreadLocalRandom.current().nextDouble());
	}

	FlakyDownstream(DownstreamSettings initial, Clock clock, DoubleSupplier random) {
		this.settings = initial;
		this.clock = clock;
		this.random = random;
	}

	/**
	 * Fetch the current price of a symbol, taking the configured latency and failing with
	 * the configured (or outage) probability.
	 * @param symbol the ticker symbol
	 * @return a fresh quote
	 * @throws DownstreamException when the simulated request fails
	 */
	public Quote fetch(String symbol) {
		DownstreamSettings current = this.settings;
		pause(current.latencyMs());
		double failureRate = this.outage ? Math.max(OUTAGE_FAILURE_RATE, current.failureRate()) : current.failureRate();
		if (this.random.getAsDouble() < failureRate) {
			throw new DownstreamException("price service failed for " + symbol + (this.outage ? " (outage)" : ""));
		}
		return Quote.fresh(symbol, nextPrice(symbol), Instant.now(this.clock));
	}

	public DownstreamSettings settings() {
		return this.settings;
	}

	public void update(DownstreamSettings settings) {
		this.settings = settings;
	}

	public boolean outage() {
		return this.outage;
	}

	void outage(boolean outage) {
		this.outage = outage;
	}

	private BigDecimal nextPrice(String symbol) {
		// A random walk from a per-symbol base, so repeated quotes look alive.
		double price = this.prices.compute(symbol, (key, last) -> {
			double base = (last != null) ? last : 20 + Math.floorMod(key.hashCode(), 480);
			return base * (1 + ThreadLocalRandom.current().nextDouble(-0.005, 0.005));
		});
		return BigDecimal.valueOf(price).setScale(2, RoundingMode.HALF_UP);
	}

	private static void pause(long millis) {
		if (millis <= 0) {
			return;
		}
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new DownstreamException("interrupted while waiting for the price service");
		}
	}

}
