/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Whether a store is up, from the outcomes of its syncs: repeated errors mark it down
 * (one WARN), a success marks it up again (one INFO); while down, attempts back off.
 */
final class StoreHealth {

	/*
	 * Implementation notes
	 *
	 * Only the store's scheduler thread calls succeeded(), failed() and the timing
	 * methods; the volatile fields are read by health checks and breakers on any thread.
	 */

	private static final Logger logger = System.getLogger("dev.breaker.store.SharedStore");

	private static final long CONNECT_NANOS = Duration.ofSeconds(3).toNanos();

	private static final long MIN_BACKOFF_NANOS = Duration.ofMillis(100).toNanos();

	private final StoreSettings settings;

	private final String store;

	private final LongAdder errors = new LongAdder();

	private volatile Consumer<String> errorListener = (operation) -> {
	};

	private volatile boolean up = true;

	private volatile Instant downSince;

	private volatile String lastError;

	private int errorsInARow;

	private long backoffNanos;

	private long nextAttempt;

	private boolean connected;

	StoreHealth(StoreSettings settings, String store) {
		this.settings = settings;
		this.store = store;
	}

	void onError(Consumer<String> listener) {
		this.errorListener = listener;
	}

	boolean up() {
		return this.up;
	}

	boolean mayAttempt(long nowNanos) {
		return this.up || nowNanos - this.nextAttempt >= 0;
	}

	/**
	 * How long a sync may take: the command timeout, but at least three seconds while
	 * connecting (at start, or after an outage), which takes longer than a command.
	 * @return the timeout in nanoseconds
	 */
	long timeoutNanos() {
		long timeout = this.settings.commandTimeout().toNanos();
		return (this.connected && this.up) ? timeout : Math.max(timeout, CONNECT_NANOS);
	}

	/**
	 * A sync succeeded.
	 * @return {@code true} if the store was down until now
	 */
	boolean succeeded() {
		this.connected = true;
		this.errorsInARow = 0;
		this.backoffNanos = 0;
		if (this.up) {
			return false;
		}
		Duration outage = Duration.between(this.downSince, Instant.now());
		logger.log(Level.INFO, "Shared breaker store " + this.store + " is reachable again after " + outage.toMillis()
				+ "ms; breakers adopt the shared state");
		this.up = true;
		this.downSince = null;
		return true;
	}

	/**
	 * An operation failed.
	 * @param operation {@code sync} or {@code subscribe}
	 * @param error what went wrong
	 * @return {@code true} if this error marked the store down
	 */
	boolean failed(String operation, String error) {
		this.errors.increment();
		this.lastError = operation + ": " + error;
		try {
			this.errorListener.accept(operation);
		}
		catch (RuntimeException ex) {
			logger.log(Level.DEBUG, "Store error listener failed", ex);
		}
		this.errorsInARow++;
		boolean wentDown = this.up && this.errorsInARow >= this.settings.errorsBeforeDown();
		if (wentDown) {
			this.up = false;
			this.downSince = Instant.now();
			logger.log(Level.WARNING, "Shared breaker store " + this.store + " is unreachable (" + this.lastError
					+ "); breakers decide on-store-failure="
					+ this.settings.onStoreFailure().name().toLowerCase().replace('_', '-') + " until it recovers");
		}
		if (!this.up) {
			long min = Math.max(this.settings.syncInterval().toNanos(), MIN_BACKOFF_NANOS);
			long max = Math.max(min, this.settings.maxBackoff().toNanos());
			this.backoffNanos = Math.min((this.backoffNanos == 0) ? min : this.backoffNanos * 2, max);
			this.nextAttempt = System.nanoTime() + this.backoffNanos;
		}
		return wentDown;
	}

	void addDetails(Map<String, Object> details) {
		details.put("available", this.up);
		details.put("errors", this.errors.sum());
		Instant since = this.downSince;
		if (since != null) {
			details.put("unavailableSince", since.toString());
		}
		String error = this.lastError;
		if (error != null) {
			details.put("lastError", error);
		}
	}

}
