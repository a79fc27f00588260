/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Built-in traffic for the demo: calls both quote methods at a steady rate and drives the
 * downstream's outage cycle, so the breakers trip and recover without extra tools.
 */
@Component
public class DemoLoad implements SmartLifecycle {

	private static final Logger logger = LoggerFactory.getLogger(DemoLoad.class);

	/**
	 * Calls allowed in flight at once, so a slow downstream cannot queue work forever.
	 */
	private static final int MAX_IN_FLIGHT = 16;

	private final QuoteService quotes;

	private final FlakyDownstream downstream;

	private final DownstreamExecutor executor;

	private final DemoProperties.Load load;

	private final OutageCycle cycle;

	private final AtomicInteger inFlight = new AtomicInteger();

	private final AtomicInteger tick = new AtomicInteger();

	private volatile boolean loadEnabled;

	private volatile boolean outagesEnabled;

	private volatile long cycleStart = System.nanoTime();

	private ScheduledExecutorService scheduler;

	public DemoLoad(QuoteService quotes, FlakyDownstream downstream, DownstreamExecutor executor,
			DemoProperties properties) {
		this.quotes = quotes;
		this.downstream = downstream;
		this.executor = executor;
		this.load = properties.getLoad();
		this.cycle = new OutageCycle(properties.getOutages().getEvery(), properties.getOutages().getLength());
		this.loadEnabled = this.load.isEnabled();
		this.outagesEnabled = properties.getOutages().isEnabled();
	}

	public boolean loadEnabled() {
		return this.loadEnabled;
	}

	public void loadEnabled(boolean enabled) {
		this.loadEnabled = enabled;
		if (!enabled) {
			this.downstream.outage(false);
		}
	}

	public boolean outagesEnabled() {
		return this.outagesEnabled;
	}

	public void outagesEnabled(boolean enabled) {
		if (enabled && !this.outagesEnabled) {
			// Start a fresh cycle so that the healthy part comes first.
			this.cycleStart = System.nanoTime();
		}
		this.outagesEnabled = enabled;
		if (!enabled) {
			this.downstream.outage(false);
		}
	}

	/**
	 * Time until the simulated outage starts or ends.
	 * @return the time to the next change, {@code null} while outages are off
	 */
	public Duration untilOutageChange() {
		return simulatingOutages() ? this.cycle.untilChange(sinceCycleStart()) : null;
	}

	/**
	 * Outages are part of the demo load: an instance that makes no calls of its own (the
	 * second instance of the shared-mode demo) should not claim an outage.
	 */
	private boolean simulatingOutages() {
		return this.outagesEnabled && this.loadEnabled;
	}

	@Override
	public void start() {
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "demo-load");
			thread.setDaemon(true);
			return thread;
		});
		long periodMicros = TimeUnit.SECONDS.toMicros(1) / Math.max(1, this.load.getCallsPerSecond());
		this.scheduler.scheduleAtFixedRate(this::tick, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
		logger.info("Demo load {}: {} calls/s over {}; outages {}", this.loadEnabled ? "on" : "off",
				this.load.getCallsPerSecond(), this.load.getSymbols(), this.outagesEnabled ? "on" : "off");
	}

	@Override
	public void stop() {
		ScheduledExecutorService scheduler = this.scheduler;
		if (scheduler != null) {
			scheduler.shutdownNow();
			this.scheduler = null;
		}
	}

	@Override
	public boolean isRunning() {
		return this.scheduler != null;
	}

	private void tick() {
		try {
			if (simulatingOutages()) {
				this.downstream.outage(this.cycle.inOutage(sinceCycleStart()));
			}
			if (this.loadEnabled && this.inFlight.get() < MAX_IN_FLIGHT) {
				call(this.tick.incrementAndGet());
			}
		}
		catch (RuntimeException ex) {
			// A scheduled task that throws is never run again: keep the demo going.
			logger.warn("Demo load tick failed", ex);
		}
	}

	private void call(int n) {
		List<String> symbols = this.load.getSymbols();
		String symbol = symbols.get(ThreadLocalRandom.current().nextInt(symbols.size()));
		this.inFlight.incrementAndGet();
		if (n % 2 == 0) {
			this.executor.execute(() -> {
				try {
					this.quotes.quote(symbol);
				}
				catch (RuntimeException ex) {
					// No cached quote yet: the breaker has recorded it, nothing to add.
				}
				finally {
					this.inFlight.decrementAndGet();
				}
			});
		}
		else {
			try {
				this.quotes.quoteAsync(symbol).whenComplete((quote, ex) -> this.inFlight.decrementAndGet());
			}
			catch (RuntimeException ex) {
				this.inFlight.decrementAndGet();
				throw ex;
			}
		}
	}

	private Duration sinceCycleStart() {
		return Duration.ofNanos(System.nanoTime() - this.cycleStart);
	}

}
