/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
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
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
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

	private final ExecutorService messages;

	private final AtomicBoolean woken = new AtomicBoolean();

	private final StoreHealth health;

	private volatile long lastTick;

	private Future<?> inFlight; // scheduler

	private long inFlightSince; // scheduler

	private boolean subscribed; // scheduler

	/**
	 * Start a store on a backend; it syncs until {@link #close()}.
	 * @param backend the backend
	 * @param settings the settings
	 */
	public SharedStore(StoreBackend backend, StoreSettings settings) {
		this.backend = backend;
		this.settings = settings;
		this.health = new StoreHealth(settings, String.valueOf(backend.describe()));
		this.scheduler = Executors.newSingleThreadScheduledExecutor((task) -> daemon(task, "breaker-store-sync"));
		this.io = Executors.newSingleThreadExecutor((task) -> daemon(task, "breaker-store-io"));
		this.messages = Executors.newSingleThreadExecutor((task) -> daemon(task, "breaker-store-messages"));
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
		this.health.onError(listener);
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
	 * waits, or a burst of failures); at most one sync per tenth of the interval.
	 */
	void wake() {
		if (this.woken.compareAndSet(false, true)) {
			long gap = this.settings.syncInterval().toNanos() / 10;
			long delay = Math.max(0, this.lastTick + gap - System.nanoTime());
			try {
				this.scheduler.schedule(this::tick, delay, TimeUnit.NANOSECONDS);
			}
			catch (RuntimeException ex) {
				// closed
			}
		}
	}

	private void tick() {
		this.woken.set(false);
		this.lastTick = System.nanoTime();
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
				if (now - this.inFlightSince > this.health.timeoutNanos()) {
					this.inFlightSince = now;
					failed("sync", "still waiting for the previous sync");
				}
				return;
			}
			this.inFlight = null;
		}
		if (!this.health.mayAttempt(now)) {
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
			states = reply.get(this.health.timeoutNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			this.inFlight = reply;
			this.inFlightSince = now;
			failed(subscribe ? "subscribe" : "sync",
					"no answer within " + this.health.timeoutNanos() / 1_000_000 + "ms");
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
		this.health.succeeded();
		for (int i = 0; i < all.size(); i++) {
			all.get(i).book.acknowledge(requests.get(i));
			all.get(i).adopt(states.get(i), true);
		}
	}

	// Called on the Redis client's network thread: adopting runs transition listeners
	// (application events, user code), which must not stall or block that thread.
	private void onMessage(ClusterState state) {
		SharedCircuitBreaker breaker = this.breakers.get(state.name());
		if (breaker != null) {
			try {
				this.messages.execute(() -> breaker.adopt(state, false));
			}
			catch (RejectedExecutionException ex) {
				// closing: the state no longer matters
			}
		}
	}

	private void failed(String operation, String error) {
		if (this.health.failed(operation, error)) {
			this.subscribed = false;
			for (SharedCircuitBreaker breaker : this.breakers.values()) {
				breaker.storeDown(this.settings.onStoreFailure());
			}
		}
	}

	@Override
	public boolean available() {
		return this.health.up();
	}

	@Override
	public Map<String, Object> details() {
		Map<String, Object> details = new LinkedHashMap<>(this.backend.describe());
		this.health.addDetails(details);
		details.put("instance", this.instanceId);
		details.put("breakers", this.breakers.size());
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
		this.messages.shutdownNow();
		try {
			// a sync or connect in progress ends before the backend closes under it, so
			// that it cannot open a connection after close
			this.scheduler.awaitTermination(1, TimeUnit.SECONDS);
			this.io.awaitTermination(1, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.backend.close();
	}

}
