/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

/**
 * A single-threaded, deliberately plain model of a circuit breaker, written from the
 * contract: the property test runs it side by side with the real breaker. Whole lists of
 * calls instead of rings and packed counters, exact arithmetic instead of floats.
 */
final class ReferenceBreaker {

	/** What a call ended with, as the property test generates it. */
	enum Outcome {

		SUCCESS, IO_EXCEPTION, ILLEGAL_ARGUMENT, ILLEGAL_STATE, CANCELLED

	}

	/**
	 * One recorded call: the second it ended in, whether it failed, whether it was slow.
	 */
	record Call(long second, boolean failure, boolean slow) {
	}

	private final CircuitBreakerConfig config;

	private final Ticker clock;

	private final long failureThreshold;

	private final long slowThreshold;

	private final int permitted;

	private final long closedMinimum;

	State state = State.CLOSED;

	long generation;

	/**
	 * The calls the metrics show: the CLOSED window, the HALF_OPEN trial or a frozen one.
	 */
	private List<Call> calls = new ArrayList<>();

	private boolean trial;

	private long minimumCalls;

	private int failuresInARow;

	private int attempt;

	private long openUntil;

	private int admitted;

	private Long trialDeadline;

	long successful;

	long failed;

	long ignored;

	long notPermitted;

	long slowTotal;

	final List<String> transitions = new ArrayList<>();

	ReferenceBreaker(CircuitBreakerConfig config, Ticker clock) {
		this.config = config;
		this.clock = clock;
		this.failureThreshold = (long) config.failureRateThreshold();
		this.slowThreshold = (long) config.slowCallRateThreshold();
		this.permitted = config.permittedNumberOfCallsInHalfOpenState();
		boolean counted = config.slidingWindowType() == SlidingWindowType.COUNT_BASED;
		int minimum = config.minimumNumberOfCalls();
		this.closedMinimum = counted ? Math.min(minimum, config.slidingWindowSize()) : minimum;
		this.minimumCalls = this.closedMinimum;
	}

	/**
	 * Returns the permit, or -1 when rejected (then {@link #state} is what rejected it).
	 */
	long acquire() {
		for (;;) {
			long now = this.clock.read();
			if (this.state == State.CLOSED || this.state == State.DISABLED) {
				return this.generation;
			}
			if (this.state == State.OPEN && now >= this.openUntil) {
				enter(State.HALF_OPEN);
				this.calls = new ArrayList<>();
				this.trial = true;
				this.minimumCalls = this.permitted;
				this.admitted = 0;
				long maxWait = this.config.maxWaitDurationInHalfOpenState().toNanos();
				this.trialDeadline = (maxWait > 0) ? now + maxWait : null;
				continue;
			}
			if (this.state == State.HALF_OPEN && overdue()) {
				open(this.attempt + 1);
				continue;
			}
			if (this.state == State.HALF_OPEN && this.admitted < this.permitted) {
				this.admitted++;
				return this.generation;
			}
			this.notPermitted++;
			return -1;
		}
	}

	long retryAfterNanos() {
		return (this.state == State.OPEN) ? Math.max(0, this.openUntil - this.clock.read()) : 0;
	}

	void complete(long permit, Outcome outcome, long durationNanos) {
		boolean recordsIo = this.config.recordExceptions().contains(IOException.class);
		boolean ignoresIllegalState = this.config.ignoreExceptions().contains(IllegalStateException.class);
		if (outcome == Outcome.CANCELLED || (outcome == Outcome.ILLEGAL_STATE && ignoresIllegalState)) {
			this.ignored++;
			if (permit == this.generation && this.state == State.HALF_OPEN) {
				this.admitted--;
			}
			return;
		}
		boolean failure = outcome == Outcome.IO_EXCEPTION || (outcome != Outcome.SUCCESS && !recordsIo);
		boolean slow = durationNanos >= this.config.slowCallDurationThreshold().toNanos();
		this.successful += failure ? 0 : 1;
		this.failed += failure ? 1 : 0;
		this.slowTotal += slow ? 1 : 0;
		if (permit != this.generation) {
			return;
		}
		if (this.state == State.CLOSED) {
			recordClosed(failure, slow);
		}
		else if (this.state == State.HALF_OPEN) {
			recordTrial(failure, slow);
		}
	}

	private void recordClosed(boolean failure, boolean slow) {
		this.calls.add(new Call(second(), failure, slow));
		int inARow = this.config.consecutiveFailuresThreshold();
		this.failuresInARow = failure ? this.failuresInARow + 1 : 0;
		if (inARow > 0 && this.failuresInARow >= inARow) {
			open(0);
			return;
		}
		List<Call> window = window();
		long failures = window.stream().filter(Call::failure).count();
		long slowCalls = window.stream().filter(Call::slow).count();
		if (window.size() >= this.minimumCalls && (reached(failures, window.size(), this.failureThreshold)
				|| reached(slowCalls, window.size(), this.slowThreshold))) {
			open(0);
		}
	}

	private void recordTrial(boolean failure, boolean slow) {
		if (overdue()) {
			open(this.attempt + 1);
			return;
		}
		this.calls.add(new Call(second(), failure, slow));
		long failures = this.calls.stream().filter(Call::failure).count();
		long slowCalls = this.calls.stream().filter(Call::slow).count();
		// closing needs rates under the thresholds over all permitted calls
		if (reached(failures, this.permitted, this.failureThreshold)
				|| reached(slowCalls, this.permitted, this.slowThreshold)) {
			open(this.attempt + 1);
		}
		else if (this.calls.size() == this.permitted) {
			close();
		}
	}

	void transitionTo(State target) {
		if (this.state == target) {
			return;
		}
		if (target == State.CLOSED) {
			close();
		}
		else {
			enter(target);
		}
	}

	void reset() {
		if (this.state == State.CLOSED) {
			this.generation++;
			this.calls = new ArrayList<>();
			this.failuresInARow = 0;
		}
		else {
			close();
		}
	}

	CircuitBreakerMetrics metrics() {
		List<Call> window = window();
		long buffered = window.size();
		long failures = window.stream().filter(Call::failure).count();
		long slowCalls = window.stream().filter(Call::slow).count();
		boolean enough = buffered > 0 && buffered >= this.minimumCalls;
		return new CircuitBreakerMetrics(enough ? failures * 100f / buffered : -1f,
				enough ? slowCalls * 100f / buffered : -1f, buffered, failures, slowCalls, this.successful, this.failed,
				this.ignored, this.notPermitted, this.slowTotal);
	}

	private void open(int attempt) {
		enter(State.OPEN);
		this.attempt = attempt;
		BigDecimal grown = BigDecimal.valueOf(this.config.waitDurationInOpenState().toNanos())
			.multiply(BigDecimal.valueOf(this.config.waitDurationMultiplier()).pow(attempt));
		BigDecimal cap = BigDecimal.valueOf(this.config.maxWaitDurationInOpenState().toNanos());
		this.openUntil = this.clock.read() + grown.min(cap).longValue();
	}

	private void close() {
		enter(State.CLOSED);
		this.calls = new ArrayList<>();
		this.trial = false;
		this.minimumCalls = this.closedMinimum;
		this.failuresInARow = 0;
	}

	private void enter(State target) {
		this.transitions.add(this.state + "->" + target);
		this.state = target;
		this.generation++;
	}

	/**
	 * The calls still in the window: all of a trial, the last N or those of the last N
	 * seconds.
	 */
	private List<Call> window() {
		int size = this.config.slidingWindowSize();
		if (this.trial) {
			return this.calls;
		}
		if (this.config.slidingWindowType() == SlidingWindowType.COUNT_BASED) {
			return this.calls.subList(Math.max(0, this.calls.size() - size), this.calls.size());
		}
		long now = second();
		return this.calls.stream().filter((call) -> call.second() > now - size).toList();
	}

	private boolean overdue() {
		return this.trialDeadline != null && this.clock.read() >= this.trialDeadline;
	}

	private static boolean reached(long part, long whole, long thresholdPercent) {
		return part * 100 >= thresholdPercent * whole;
	}

	private long second() {
		return Math.floorDiv(this.clock.read(), 1_000_000_000L);
	}

}
