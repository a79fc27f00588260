/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.Ticker;

/**
 * The store-agnostic engine of shared breakers: it creates them, syncs all of them with
 * the backend once per sync interval in one batch, hears of changes made elsewhere, and
 * switches them to their store-failure mode while the backend is down.
 */
public final class SharedStore implements SharedStateStore {

	/*
	 * Implementation notes
	 *
	 * One scheduler thread ticks; one I/O thread calls the backend, so a hung backend
	 * hangs only that thread. The scheduler waits at most the command timeout for a sync;
	 * a sync still running at the next tick counts as another error and no second one is
	 * started, so at most one batch is in flight. Replies are applied on the scheduler
	 * thread; messages on a backend thread; SharedCircuitBreaker.adopt() tolerates both
	 * orders. Fields below marked "scheduler" are touched by the scheduler thread only.
	 */

	private static final Logger logger = System.getLogger("dev.breaker.store.SharedStore");

	private final StoreBackend backend;

	private final StoreSettings settings;

	private final String instanceId = UUID.randomUUID().toString().substring(0, 8);

	private final Map<String, SharedCircuitBreaker> breakers = new ConcurrentHashMap<>();

	private final ScheduledExecutorService scheduler;

	private final ExecutorService io;

	private final AtomicBoolean woken = new AtomicBoolean();

	private final LongAdder errors = new LongAdder();

	private volatile Consumer<String> errorListener = (operation) -> {
	};

	private volatile boolean up = true;

	private volatile Instant downSince;

	private volatile String lastError;

	private Future<?> inFlight; // scheduler

	private long inFlightSince; // scheduler

	private int errorsInARow; // scheduler

	private long backoffNanos; // scheduler

	private long nextAttempt; // scheduler

	private boolean subscribed; // scheduler

	private boolean connected; // scheduler

	/**
	 * Start a store on a backend; it syncs until {@link #close()}.
	 * @param backend the backend
	 * @param settings the settings
	 */
	public SharedStore(StoreBackend backend, StoreSettings settings) {
		this.backend = backend;
		this.settings = settings;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "breaker-store-sync"));
		this.io = Executors.newSingleThreadExecutor((task) -> daemon(task, "breaker-store-io"));
		long interval = settings.syncInterval().toNanos();
		this.scheduler.scheduleWithFixedDelay(this::tick, 0, interval, TimeUnit.NANOSECONDS);
	}

	private static Thread daemon(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Hear of every store error (a meter counts them).
	 * @param listener receives the operation that failed: {@code sync} or
	 * {@code subscribe}
	 */
	public void onError(Consumer<String> listener) {
		this.errorListener = listener;
	}

	/**
	 * The shared breaker of that name, created on first use.
	 * @param name the breaker name
	 * @param config its configuration
	 * @param ticker its time source
	 * @return the breaker
	 */
	public CircuitBreaker breaker(String name, CircuitBreakerConfig config, Ticker ticker) {
		SharedCircuitBreaker breaker = this.breakers.computeIfAbsent(name,
				(key) -> new SharedCircuitBreaker(key, config, ticker, this));
		wake();
		return breaker;
	}

	/**
	 * A registry factory: shared breakers for configurations with {@code shared=true},
	 * local ones otherwise.
	 * @param ticker the time source of every breaker
	 * @return the factory
	 */
	public CircuitBreakerRegistry.Factory factory(Ticker ticker) {
		return (name, config) -> config.shared() ? breaker(name, config, ticker)
				: CircuitBreaker.of(name, config, ticker);
	}

	public String instanceId() {
		return this.instanceId;
	}

	public StoreSettings settings() {
		return this.settings;
	}

	/**
	 * Sync soon rather than at the next interval (a trial is wanted, a manual transition
	 * waits, or a tally fills up); rate-limited to a tenth of the interval.
	 */
	void wake() {
		if (this.woken.compareAndSet(false, true)) {
			try {
				long gap = this.settings.syncInterval().toNanos() / 10;
				this.scheduler.schedule(this::tick, gap, TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				// closed
			}
		}
	}

	private void tick() {
		this.woken.set(false);
		try {
			sync();
		}
		catch (RuntimeException ex) {
			logger.log(Level.ERROR, "Shared breaker sync failed unexpectedly", ex);
		}
	}

	private void sync() {
		long now = System.nanoTime();
		if (this.inFlight != null) {
			if (!this.inFlight.isDone()) {
				// one error per timeout period, not per tick
				if (now - this.inFlightSince > timeoutNanos()) {
					this.inFlightSince = now;
					failed("sync", "still waiting for the previous sync");
				}
				return;
			}
			this.inFlight = null;
		}
		if (!this.up && now - this.nextAttempt < 0) {
			return;
		}
		List<SharedCircuitBreaker> all = new ArrayList<>(this.breakers.values());
		List<SyncRequest> requests = new ArrayList<>(all.size());
		for (SharedCircuitBreaker breaker : all) {
			requests.add(breaker.book.prepare(breaker.ticker().read()));
		}
		boolean subscribe = !this.subscribed;
		Future<List<ClusterState>> reply = this.io.submit(() -> {
			if (subscribe) {
				try {
					this.backend.subscribe(this::onMessage);
				}
				catch (Exception ex) {
					throw new SubscribeException(ex);
				}
			}
			return this.backend.sync(this.instanceId, this.settings, requests);
		});
		List<ClusterState> states;
		try {
			states = reply.get(timeoutNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			this.inFlight = reply;
			this.inFlightSince = now;
			failed(subscribe ? "subscribe" : "sync",
					"no answer within " + this.settings.commandTimeout().toMillis() + "ms");
			return;
		}
		catch (ExecutionException ex) {
			boolean subscribing = ex.getCause() instanceof SubscribeException;
			Throwable cause = subscribing ? ex.getCause().getCause() : ex.getCause();
			failed(subscribing ? "subscribe" : "sync", String.valueOf(cause));
			return;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return;
		}
		this.subscribed = true;
		this.connected = true;
		succeeded();
		for (int i = 0; i < all.size(); i++) {
			all.get(i).book.acknowledge(requests.get(i));
			all.get(i).adopt(states.get(i), true);
		}
	}

	// Connecting (at start, or after an outage) takes longer than a command: a first
	// sync gets at least three seconds before it counts as an error.
	private long timeoutNanos() {
		long timeout = this.settings.commandTimeout().toNanos();
		return (this.connected && this.up) ? timeout : Math.max(timeout, 3_000_000_000L);
	}

	private void succeeded() {
		this.errorsInARow = 0;
		this.backoffNanos = 0;
		if (!this.up) {
			Duration outage = Duration.between(this.downSince, Instant.now());
			logger.log(Level.INFO, "Shared breaker store " + this.backend.describe() + " is reachable again after "
					+ outage.toMillis() + "ms; breakers adopt the shared state");
			this.up = true;
			this.downSince = null;
		}
	}

	private void onMessage(ClusterState state) {
		SharedCircuitBreaker breaker = this.breakers.get(state.name());
		if (breaker != null) {
			breaker.adopt(state, false);
		}
	}

	private void failed(String operation, String error) {
		this.errors.increment();
		this.lastError = operation + ": " + error;
		try {
			this.errorListener.accept(operation);
		}
		catch (RuntimeException ex) {
			logger.log(Level.DEBUG, "Store error listener failed", ex);
		}
		this.errorsInARow++;
		if (this.up && this.errorsInARow >= this.settings.errorsBeforeDown()) {
			this.up = false;
			this.subscribed = false;
			this.downSince = Instant.now();
			logger.log(Level.WARNING, "Shared breaker store " + this.backend.describe() + " is unreachable ("
					+ this.lastError + "); breakers decide on-store-failure="
					+ this.settings.onStoreFailure().name().toLowerCase().replace('_', '-') + " until it recovers");
			for (SharedCircuitBreaker breaker : this.breakers.values()) {
				breaker.storeDown(this.settings.onStoreFailure());
			}
		}
		if (!this.up) {
			long min = Math.max(this.settings.syncInterval().toNanos(), 100_000_000L);
			this.backoffNanos = Math.min((this.backoffNanos == 0) ? min : this.backoffNanos * 2,
					Math.max(min, this.settings.maxBackoff().toNanos()));
			this.nextAttempt = System.nanoTime() + this.backoffNanos;
		}
	}

	@Override
	public boolean available() {
		return this.up;
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>(this.backend.describe());
		details.put("available", this.up);
		details.put("instance", this.instanceId);
		details.put("breakers", this.breakers.size());
		details.put("errors", this.errors.sum());
		Instant since = this.downSince;
		if (since != null) {
			details.put("unavailableSince", since.toString());
		}
		String error = this.lastError;
		if (error != null) {
			details.put("lastError", error);
		}
		return details;
	}

	/**
	 * Carries a subscription failure out of the I/O thread.
	 */
	private static final class SubscribeException extends Exception {

		private static final long serialVersionUID = 1L;

		SubscribeException(Throwable cause) {
			super(cause);
		}

	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		this.io.shutdownNow();
		this.backend.close();
	}

}
