/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Concurrency tests of the breaker's transitions and permits; each says what it would
 * catch. Rounds keep each test to a second or two on two cores.
 */
class CircuitBreakerConcurrencyTests {

	private static final int THREADS = 4;

	private static final Duration WAIT = Duration.ofSeconds(10);

	private final ExecutorService executor = Executors.newFixedThreadPool(THREADS);

	private final Racer racer = new Racer(this.executor, THREADS);

	@AfterEach
	void shutdown() {
		this.executor.shutdownNow();
	}

	// Would catch a check-then-set transition (or side effects run before winning the
	// CAS): every racing recorder sees the threshold reached, and only one may publish.
	@Test
	void racingRecordersTripTheBreakerExactlyOnce() throws Exception {
		for (int round = 0; round < 300; round++) {
			ManualTicker ticker = new ManualTicker();
			CircuitBreaker breaker = CircuitBreaker.of("race", config(20).build(), ticker);
			List<StateTransition> heard = listen(breaker);
			Outcomes.succeed(breaker, 10);
			Outcomes.fail(breaker, 9);
			// permits first, so that every thread records: the next failure trips
			long[] permits = permits(breaker, THREADS);
			this.racer.race((thread) -> breaker.onError(permits[thread], 0, new IOException("boom")));
			assertThat(heard).extracting(StateTransition::to).containsExactly(State.OPEN);
			assertThat(breaker.transitions()).hasSize(1);
		}
	}

	// Would catch two threads both moving OPEN to HALF_OPEN (two trial generations, so
	// up to 2N trials) or a permit counter that is read and then written.
	@Test
	void racingFirstCallsAfterTheWaitMoveToHalfOpenOnceAndAdmitExactlyNTrials() throws Exception {
		for (int round = 0; round < 300; round++) {
			ManualTicker ticker = new ManualTicker();
			CircuitBreaker breaker = CircuitBreaker.of("race",
					config(1).permittedNumberOfCallsInHalfOpenState(3).build(), ticker);
			Outcomes.fail(breaker, 1);
			List<StateTransition> heard = listen(breaker);
			ticker.advance(WAIT);
			AtomicInteger admitted = new AtomicInteger();
			this.racer.race((thread) -> {
				for (int i = 0; i < 3; i++) {
					try {
						breaker.acquirePermission();
						admitted.incrementAndGet();
					}
					catch (CallNotPermittedException ex) {
						assertThat(ex.state()).isEqualTo(State.HALF_OPEN);
					}
				}
			});
			assertThat(admitted).hasValue(3);
			assertThat(heard).extracting(StateTransition::to).containsExactly(State.HALF_OPEN);
			assertThat(breaker.metrics().notPermittedCalls()).isEqualTo(3L * THREADS - 3);
		}
	}

	// Would catch a trial that decides twice: the failures of racing trial calls make
	// closing impossible at once for several recorders, and only one may reopen.
	@Test
	void racingTrialFailuresReopenExactlyOnce() throws Exception {
		for (int round = 0; round < 300; round++) {
			ManualTicker ticker = new ManualTicker();
			CircuitBreaker breaker = CircuitBreaker.of("race",
					config(1).permittedNumberOfCallsInHalfOpenState(THREADS).build(), ticker);
			Outcomes.fail(breaker, 1);
			ticker.advance(WAIT);
			long[] permits = permits(breaker, THREADS);
			List<StateTransition> heard = listen(breaker);
			this.racer.race((thread) -> breaker.onError(permits[thread], 0, new IOException("boom")));
			assertThat(heard).extracting(StateTransition::from, StateTransition::to)
				.containsExactly(tuple(State.HALF_OPEN, State.OPEN));
		}
	}

	// Would catch a permit limit that is not atomic, or an ignored call that releases
	// its permit twice: either lets more than N calls into the protected code at once,
	// and leaves the count drifted, so that afterwards more than N permits are handed
	// out. Ignored outcomes keep the breaker HALF_OPEN for the whole test.
	@Test
	void halfOpenNeverRunsMoreThanThePermittedCallsAtOnce() throws Exception {
		ManualTicker ticker = new ManualTicker();
		CircuitBreaker breaker = CircuitBreaker.of("race",
				config(1).permittedNumberOfCallsInHalfOpenState(3)
					.ignoreExceptions(IllegalStateException.class)
					.build(),
				ticker);
		Outcomes.fail(breaker, 1);
		ticker.advance(WAIT);
		breaker.onIgnored(breaker.acquirePermission());
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		AtomicInteger ran = new AtomicInteger();
		AtomicInteger attempted = new AtomicInteger();
		this.racer.race((thread) -> {
			long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
			for (int i = 0; i < 50_000 && (i == 0 || System.nanoTime() - deadline < 0); i++) {
				attempted.incrementAndGet();
				try {
					breaker.run(() -> {
						most.accumulateAndGet(inside.incrementAndGet(), Math::max);
						ran.incrementAndGet();
						// hold the permit a moment (a spin: yielding would hand the
						// core to other processes and slow the test down)
						for (int spin = 0; spin < 100; spin++) {
							Thread.onSpinWait();
						}
						inside.decrementAndGet();
						throw new IllegalStateException("ignored: gives the permit back");
					});
				}
				catch (CallNotPermittedException | IllegalStateException ex) {
					// expected: rejected, or ran and was ignored
				}
			}
		});
		assertThat(most.get()).isBetween(1, 3);
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		CircuitBreakerMetrics metrics = breaker.metrics();
		assertThat(metrics.ignoredCalls()).isEqualTo(ran.get() + 1);
		assertThat(metrics.ignoredCalls() + metrics.notPermittedCalls()).isEqualTo(attempted.get() + 1L);
		// a lost update of the permit count leaves it drifted: then more than three fit
		assertThat(acquireUntilRejected(breaker)).isEqualTo(3);
	}

	// Would catch outcomes applied to whatever state is current rather than to the
	// generation that admitted the call: calls admitted while CLOSED end (fail, slowly)
	// during the HALF_OPEN trial and must neither count in it nor reopen the breaker.
	@Test
	void lateOutcomesFromAnOldGenerationAreDropped() throws Exception {
		ManualTicker ticker = new ManualTicker();
		CircuitBreaker breaker = CircuitBreaker.of("late",
				config(4).permittedNumberOfCallsInHalfOpenState(2)
					.slowCallDurationThreshold(Duration.ofSeconds(1))
					.build(),
				ticker);
		CountDownLatch admittedWhileClosed = new CountDownLatch(THREADS);
		CountDownLatch release = new CountDownLatch(1);
		List<Exception> thrown = new CopyOnWriteArrayList<>();
		var late = this.racer.start((thread) -> {
			try {
				breaker.call(() -> {
					admittedWhileClosed.countDown();
					release.await();
					throw new IOException("late failure");
				});
			}
			catch (Exception ex) {
				thrown.add(ex);
			}
		});
		admittedWhileClosed.await();
		Outcomes.fail(breaker, 4);
		ticker.advance(WAIT);
		long trial = breaker.acquirePermission();
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		ticker.advance(Duration.ofSeconds(5));
		release.countDown();
		this.racer.await(late);
		assertThat(thrown).hasSize(THREADS).allSatisfy((ex) -> assertThat(ex).isInstanceOf(IOException.class));
		assertThat(breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(breaker.metrics().bufferedCalls()).isZero();
		assertThat(breaker.metrics().failedCallsTotal()).isEqualTo(4 + THREADS);
		breaker.onSuccess(trial, 0);
		Outcomes.succeed(breaker, 1);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	// Would catch a transition decided on a stale state (a check-then-set instead of one
	// CAS from the observed generation): e.g. a trip that overwrites a manual DISABLED.
	// Listeners may hear racing transitions in either order, so the check does not rely
	// on order: every event is a legal edge, and together the events form one path from
	// CLOSED to the final state (each state left once more than entered, or less).
	@Test
	void manualAndAutomaticTransitionsRacingFormOneConsistentHistory() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.of("race",
				config(2).waitDurationInOpenState(Duration.ZERO).permittedNumberOfCallsInHalfOpenState(2).build(),
				new ManualTicker());
		Queue<StateTransition> heard = new ConcurrentLinkedQueue<>();
		breaker.addTransitionListener(heard::add);
		State[] manual = { State.FORCED_OPEN, State.CLOSED, State.DISABLED, State.CLOSED };
		this.racer.race((thread) -> {
			for (int i = 0; i < 20_000; i++) {
				if (thread == 0 && i % 10 == 0) {
					if (i % 70 == 0) {
						breaker.reset();
					}
					else {
						breaker.transitionTo(manual[(i / 10) % manual.length]);
					}
					continue;
				}
				try {
					long permit = breaker.acquirePermission();
					if ((i + thread) % 3 == 0) {
						breaker.onSuccess(permit, 0);
					}
					else {
						breaker.onError(permit, 0, new IOException("boom"));
					}
				}
				catch (CallNotPermittedException ex) {
					// expected while OPEN or FORCED_OPEN
				}
			}
		});
		Map<State, Integer> balance = new EnumMap<>(State.class);
		for (StateTransition transition : heard) {
			assertThat(transition.from()).isNotEqualTo(transition.to());
			if (transition.to() == State.OPEN) {
				assertThat(transition.from()).as(transition.toString()).isIn(State.CLOSED, State.HALF_OPEN);
			}
			if (transition.to() == State.HALF_OPEN) {
				assertThat(transition.from()).as(transition.toString()).isEqualTo(State.OPEN);
			}
			balance.merge(transition.from(), 1, Integer::sum);
			balance.merge(transition.to(), -1, Integer::sum);
		}
		for (State state : State.values()) {
			int expected = ((state == State.CLOSED) ? 1 : 0) - ((state == breaker.state()) ? 1 : 0);
			assertThat(balance.getOrDefault(state, 0)).as("left minus entered: " + state).isEqualTo(expected);
		}
		assertThat(heard).extracting(StateTransition::to).contains(State.OPEN, State.HALF_OPEN, State.DISABLED);
	}

	// Would catch lost updates in the cumulative counters or the window of a breaker
	// recording from many threads at once.
	@Test
	void countsEveryOutcomeExactlyUnderConcurrentCalls() throws Exception {
		CircuitBreaker breaker = CircuitBreaker.of("totals",
				config(1000).failureRateThreshold(100).slowCallDurationThreshold(Duration.ofSeconds(1)).build(),
				new ManualTicker());
		int perThread = 25_000;
		this.racer.race((thread) -> {
			for (int i = 0; i < perThread; i++) {
				long permit = breaker.acquirePermission();
				long nanos = (i % 4 == 0) ? Duration.ofSeconds(1).toNanos() : 0;
				if (i % 2 == 0) {
					breaker.onSuccess(permit, nanos);
				}
				else if (i % 3 == 0) {
					breaker.onIgnored(permit);
				}
				else {
					breaker.onError(permit, nanos, new IOException("boom"));
				}
			}
		});
		CircuitBreakerMetrics metrics = breaker.metrics();
		long successes = perThread / 2;
		long ignored = (perThread / 2 + 2) / 3;
		assertThat(metrics.successfulCalls()).isEqualTo(THREADS * successes);
		assertThat(metrics.ignoredCalls()).isEqualTo(THREADS * ignored);
		assertThat(metrics.failedCallsTotal()).isEqualTo(THREADS * (perThread - successes - ignored));
		assertThat(metrics.slowCallsTotal()).isEqualTo(THREADS * (perThread / 4));
		assertThat(metrics.bufferedCalls()).isEqualTo(1000);
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	private static CircuitBreakerConfig.Builder config(int window) {
		return CircuitBreakerConfig.builder()
			.slidingWindowSize(window)
			.minimumNumberOfCalls(window)
			.waitDurationInOpenState(WAIT);
	}

	private static long[] permits(CircuitBreaker breaker, int count) {
		long[] permits = new long[count];
		for (int i = 0; i < count; i++) {
			permits[i] = breaker.acquirePermission();
		}
		return permits;
	}

	private static int acquireUntilRejected(CircuitBreaker breaker) {
		int admitted = 0;
		try {
			for (;;) {
				breaker.acquirePermission();
				admitted++;
			}
		}
		catch (CallNotPermittedException ex) {
			return admitted;
		}
	}

	private static List<StateTransition> listen(CircuitBreaker breaker) {
		List<StateTransition> heard = new CopyOnWriteArrayList<>();
		breaker.addTransitionListener(heard::add);
		return heard;
	}

}
