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
 */
final class TransitionLog {

	static final int CAPACITY = 20;

	private static final Logger logger = System.getLogger("dev.breaker.CircuitBreaker");

	private final AtomicReference<List<StateTransition>> recent = new AtomicReference<>(List.of());

	private final List<Consumer<? super StateTransition>> listeners = new CopyOnWriteArrayList<>();

	void publish(StateTransition transition) {
		this.recent.updateAndGet((list) -> prepend(transition, list));
		logger.log(transition.to().rejectsCalls() ? Level.WARNING : Level.INFO, transition.toString());
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

	List<StateTransition> recent() {
		return this.recent.get();
	}

	void add(Consumer<? super StateTransition> listener) {
		this.listeners.add(listener);
	}

	void remove(Consumer<? super StateTransition> listener) {
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
