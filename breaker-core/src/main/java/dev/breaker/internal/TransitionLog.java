/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import dev.breaker.StateTransition;

/**
 * The recent transitions of one breaker and the listeners that hear of new ones. Each
 * transition is logged once here: WARN when the breaker starts rejecting, INFO otherwise.
 * Public so that a shared breaker can keep the same history and logs.
 */
public final class TransitionLog {

	static final int CAPACITY = 20;

	private static final Logger logger = System.getLogger("dev.breaker.CircuitBreaker");

	private final AtomicReference<List<StateTransition>> recent = new AtomicReference<>(List.of());

	private final List<Consumer<? super StateTransition>> listeners = new CopyOnWriteArrayList<>();

	private final boolean logged;

	public TransitionLog() {
		this(true);
	}

	/**
	 * Create a log.
	 * @param logged whether transitions are logged (a shared breaker's hidden local
	 * stand-in is not, so that operators see only the shared transitions)
	 */
	public TransitionLog(boolean logged) {
		this.logged = logged;
	}

	public void publish(StateTransition transition) {
		this.recent.updateAndGet((list) -> prepend(transition, list));
		if (this.logged) {
			logger.log(transition.to().rejectsCalls() ? Level.WARNING : Level.INFO, transition.toString());
		}
		for (Consumer<? super StateTransition> listener : this.listeners) {
			try {
				listener.accept(transition);
			}
			catch (RuntimeException ex) {
				logger.log(Level.WARNING, "Transition listener of circuit breaker '" + transition.breakerName()
						+ "' failed; the transition stands", ex);
			}
		}
	}

	public List<StateTransition> recent() {
		return this.recent.get();
	}

	public void add(Consumer<? super StateTransition> listener) {
		this.listeners.add(listener);
	}

	public void remove(Consumer<? super StateTransition> listener) {
		this.listeners.remove(listener);
	}

	private static List<StateTransition> prepend(StateTransition transition, List<StateTransition> list) {
		List<StateTransition> copy = new ArrayList<>(Math.min(list.size() + 1, CAPACITY));
		copy.add(transition);
		for (int i = 0; i < list.size() && copy.size() < CAPACITY; i++) {
			copy.add(list.get(i));
		}
		return Collections.unmodifiableList(copy);
	}

}
