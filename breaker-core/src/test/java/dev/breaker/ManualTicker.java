/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that only moves when a test advances it, so that tests never sleep.
 * Thread-safe, so concurrency tests can share one.
 */
public final class ManualTicker implements Ticker {

	private final AtomicLong nanos;

	public ManualTicker() {
		this(0);
	}

	public ManualTicker(long startNanos) {
		this.nanos = new AtomicLong(startNanos);
	}

	@Override
	public long read() {
		return this.nanos.get();
	}

	public ManualTicker advance(Duration duration) {
		return advanceNanos(duration.toNanos());
	}

	public ManualTicker advanceNanos(long nanos) {
		this.nanos.addAndGet(nanos);
		return this;
	}

}
