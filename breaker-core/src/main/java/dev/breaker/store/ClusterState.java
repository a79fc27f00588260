/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.List;

import dev.breaker.State;

/**
 * The state of one shared breaker as the store holds it, returned by every sync and sent
 * with every change.
 *
 * @param name the breaker name
 * @param epoch the number of transitions so far; a newer state has a higher epoch
 * @param state the shared state
 * @param from the state before the last transition
 * @param reason why the last transition happened
 * @param openRemainingMillis for {@code OPEN}, the store's milliseconds until a trial may
 * start
 * @param attempt how many times in a row the breaker re-opened
 * @param windowCalls calls in the shared window (or trial calls when half-open), -1 if
 * not known
 * @param windowFailures failed calls among them
 * @param windowSlowCalls slow calls among them
 * @param grantedLeases half-open trial leases granted to this instance by this sync
 */
public record ClusterState(String name, long epoch, State state, State from, String reason, long openRemainingMillis,
		int attempt, long windowCalls, long windowFailures, long windowSlowCalls, List<String> grantedLeases) {

	/**
	 * Copy the list of leases.
	 */
	public ClusterState {
		grantedLeases = List.copyOf(grantedLeases);
	}

	/**
	 * The state of a breaker that the store has not answered for yet.
	 * @param name the breaker name
	 * @return {@code CLOSED} at epoch 0
	 */
	public static ClusterState initial(String name) {
		return new ClusterState(name, 0, State.CLOSED, State.CLOSED, "initial", 0, 0, 0, 0, 0, List.of());
	}

	/**
	 * Whether the window counts are known.
	 * @return {@code false} for a state heard as a message
	 */
	public boolean hasWindow() {
		return this.windowCalls >= 0;
	}

}
