/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import dev.breaker.Ticker;

/**
 * A ticker that tests move by hand, instead of sleeping.
 */
class ManualTicker implements Ticker {

	private final AtomicLong nanos = new AtomicLong();

	@Override
	public long read() {
		return this.nanos.get();
	}

	void advance(Duration duration) {
		this.nanos.addAndGet(duration.toNanos());
	}

}
