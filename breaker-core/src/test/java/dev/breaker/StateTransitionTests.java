/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Tests for transition events: one per transition, readable reasons, listeners, history
 * and the log line.
 */
class StateTransitionTests {

	private static final Duration WAIT = Duration.ofSeconds(30);

	private final ManualTicker ticker = new ManualTicker();

	private final CircuitBreaker breaker = CircuitBreaker.of("payments",
			CircuitBreakerConfig.builder()
				.slidingWindowSize(16)
				.minimumNumberOfCalls(16)
				.permittedNumberOfCallsInHalfOpenState(2)
				.waitDurationInOpenState(WAIT)
				.build(),
			this.ticker);

	private final List<StateTransition> heard = new CopyOnWriteArrayList<>();

	@Test
	void publishesExactlyOneEventPerTransitionInOrder() {
		this.breaker.addTransitionListener(this.heard::add);
		Instant before = Instant.now();
		trip();
		this.ticker.advance(WAIT);
		Outcomes.fail(this.breaker, 1);
		this.ticker.advance(WAIT);
		Outcomes.succeed(this.breaker, 2);
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.transitionTo(State.DISABLED);
		this.breaker.reset();
		assertThat(this.heard).extracting(StateTransition::from, StateTransition::to)
			.containsExactly(tuple(State.CLOSED, State.OPEN), tuple(State.OPEN, State.HALF_OPEN),
					tuple(State.HALF_OPEN, State.OPEN), tuple(State.OPEN, State.HALF_OPEN),
					tuple(State.HALF_OPEN, State.CLOSED), tuple(State.CLOSED, State.FORCED_OPEN),
					tuple(State.FORCED_OPEN, State.DISABLED), tuple(State.DISABLED, State.CLOSED));
		assertThat(this.heard).allSatisfy((transition) -> {
			assertThat(transition.breakerName()).isEqualTo("payments");
			assertThat(transition.at()).isBetween(before, Instant.now());
		});
		List<StateTransition> newestFirst = new ArrayList<>(this.heard);
		Collections.reverse(newestFirst);
		assertThat(this.breaker.transitions()).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void explainsEachTransitionInWordsAnOperatorCanActOn() {
		trip();
		this.ticker.advance(WAIT);
		Outcomes.fail(this.breaker, 1);
		this.ticker.advance(WAIT);
		Outcomes.succeed(this.breaker, 2);
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.reset();
		assertThat(this.breaker.transitions()).extracting(StateTransition::reason)
			.containsExactly("reset", "manual transition", "2 trial calls: failure rate 0%, slow-call rate 0%",
					"waited 30s", "1 of 2 trial calls failed (50% >= 50%)", "waited 30s",
					"failure rate 62.5% >= 50% over 16 calls");
		assertThat(this.breaker.transitions().get(6))
			.hasToString("Circuit breaker 'payments' CLOSED -> OPEN: failure rate 62.5% >= 50% over 16 calls");
	}

	@Test
	void aFailingListenerNeitherStopsTheOthersNorTheTransition() {
		this.breaker.addTransitionListener((transition) -> {
			throw new IllegalStateException("listener bug");
		});
		this.breaker.addTransitionListener(this.heard::add);
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		assertThat(this.heard).hasSize(1);
	}

	@Test
	void aRemovedListenerHearsNothingMore() {
		Consumer<StateTransition> listener = this.heard::add;
		this.breaker.addTransitionListener(listener);
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.removeTransitionListener(listener);
		this.breaker.transitionTo(State.CLOSED);
		assertThat(this.heard).extracting(StateTransition::to).containsExactly(State.FORCED_OPEN);
	}

	@Test
	void keepsTheTwentyMostRecentTransitions() {
		for (int i = 0; i < 15; i++) {
			this.breaker.transitionTo(State.FORCED_OPEN);
			this.breaker.transitionTo(State.DISABLED);
		}
		List<StateTransition> recent = this.breaker.transitions();
		assertThat(recent).hasSize(20);
		assertThat(recent.get(0).to()).isEqualTo(State.DISABLED);
		assertThat(recent.get(19).to()).isEqualTo(State.FORCED_OPEN);
	}

	@Test
	void logsEachTransitionOnceAtWarningWhenItStartsRejecting() {
		Logger logger = Logger.getLogger("dev.breaker.CircuitBreaker");
		List<LogRecord> records = new CopyOnWriteArrayList<>();
		Handler handler = new Handler() {

			@Override
			public void publish(LogRecord record) {
				records.add(record);
			}

			@Override
			public void flush() {
			}

			@Override
			public void close() {
			}

		};
		Level level = logger.getLevel();
		boolean useParentHandlers = logger.getUseParentHandlers();
		logger.setLevel(Level.ALL);
		logger.setUseParentHandlers(false);
		logger.addHandler(handler);
		try {
			trip();
			this.breaker.transitionTo(State.CLOSED);
		}
		finally {
			logger.removeHandler(handler);
			logger.setUseParentHandlers(useParentHandlers);
			logger.setLevel(level);
		}
		assertThat(records).extracting(LogRecord::getLevel, LogRecord::getMessage)
			.containsExactly(
					tuple(Level.WARNING,
							"Circuit breaker 'payments' CLOSED -> OPEN: failure rate 62.5% >= 50% over 16 calls"),
					tuple(Level.INFO, "Circuit breaker 'payments' OPEN -> CLOSED: manual transition"));
	}

	private void trip() {
		Outcomes.succeed(this.breaker, 6);
		Outcomes.fail(this.breaker, 10);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
	}

}
