/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.util.List;

import dev.breaker.CircuitBreakerConfig;

/**
 * What one instance sends for one shared breaker at each sync: the outcomes recorded
 * since the last sync, the half-open trial bookkeeping, a pending manual transition, and
 * the state it knows (so that an empty store can be re-seeded).
 *
 * @param name the breaker name
 * @param config the breaker configuration (the store evaluates the trip condition)
 * @param known the state this instance holds; the counts below belong to its epoch
 * @param calls calls recorded while closed
 * @param failures failed calls among them
 * @param slowCalls slow calls among them
 * @param streakBroken whether a success interrupted the failures since the last sync
 * @param failureStreak failures since the last success (or since the last sync)
 * @param leasesWanted how many half-open trial leases this instance asks for
 * @param trialCalls trial calls completed
 * @param trialFailures failed trial calls
 * @param trialSlowCalls slow trial calls
 * @param leasesDone leases to release: used by the completed trial calls, or unused
 * @param leasesHeld leases still held, to renew
 * @param manual a manual transition to apply ({@code CLOSED}, {@code FORCED_OPEN},
 * {@code DISABLED}, or {@code RESET}), or {@code null}
 */
public record SyncRequest(String name, CircuitBreakerConfig config, ClusterState known, long calls, long failures,
		long slowCalls, boolean streakBroken, long failureStreak, int leasesWanted, long trialCalls, long trialFailures,
		long trialSlowCalls, List<String> leasesDone, List<String> leasesHeld, String manual) {

	/**
	 * Copy the lists.
	 */
	public SyncRequest {
		leasesDone = List.copyOf(leasesDone);
		leasesHeld = List.copyOf(leasesHeld);
	}

}
