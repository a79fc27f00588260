/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.store;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreakerConfig;
import dev.breaker.ManualTicker;
import dev.breaker.State;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The decisions of a shared breaker from the views it adopts, on a manual ticker. The
 * store is closed before the breaker is made, so no background sync races the tests: they
 * install the views and drain the requests themselves.
 */
class SharedCircuitBreakerTests {

	private final ManualTicker ticker = new ManualTicker();

	private final CircuitBreakerConfig config = CircuitBreakerConfig.builder()
		.slidingWindowSize(4)
		.minimumNumberOfCalls(4)
		.permittedNumberOfCallsInHalfOpenState(2)
		.build();

	private final SharedCircuitBreaker breaker;

	SharedCircuitBreakerTests() {
		SharedStore store = new SharedStore(FakeBackend.down(), StoreSettings.defaults());
		store.close();
		this.breaker = (SharedCircuitBreaker) store.breaker("payments", this.config, this.ticker);
	}

	private static ClusterState state(long epoch, State state, State from, long remainingMillis, String... leases) {
		return new ClusterState("payments", epoch, state, from, "because", remainingMillis, 0, -1, 0, 0,
				List.of(leases));
	}

	private SyncRequest prepare() {
		return this.breaker.book.prepare(this.ticker.read());
	}

	@Test
	void anOpenViewRejectsAndTellsTheRetryTimeOnTheLocalTicker() {
		this.breaker.adopt(state(1, State.OPEN, State.CLOSED, 30_000), false);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.OPEN))
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(30)));
		this.ticker.advance(Duration.ofSeconds(10));
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.retryAfter()).isEqualTo(Duration.ofSeconds(20)));
		assertThat(this.breaker.metrics().notPermittedCalls()).isEqualTo(2);
		assertThat(this.breaker.transitions()).singleElement()
			.satisfies((t) -> assertThat(t.reason()).isEqualTo("because"));
	}

	@Test
	void onlyANewerEpochIsAdopted() {
		this.breaker.adopt(state(3, State.OPEN, State.CLOSED, 30_000), false);
		this.breaker.adopt(state(2, State.CLOSED, State.HALF_OPEN, 0), true);
		this.breaker.adopt(state(3, State.CLOSED, State.HALF_OPEN, 0), false);
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		this.breaker.adopt(state(4, State.HALF_OPEN, State.OPEN, 0), false);
		assertThat(this.breaker.state()).isEqualTo(State.HALF_OPEN);
		assertThat(this.breaker.transitions()).extracting((t) -> t.from() + "->" + t.to())
			.containsExactly("OPEN->HALF_OPEN", "CLOSED->OPEN");
	}

	@Test
	void anOutcomeOfACallAdmittedBeforeATransitionIsNotSentForTheNewEpoch() {
		long old = this.breaker.acquirePermission();
		this.breaker.adopt(state(1, State.OPEN, State.CLOSED, 0), false);
		this.breaker.adopt(state(2, State.CLOSED, State.HALF_OPEN, 0), false);
		long current = this.breaker.acquirePermission();
		this.breaker.onError(old, 0, new IllegalStateException());
		this.breaker.onError(current, 0, new IllegalStateException());
		SyncRequest request = prepare();
		assertThat(request.known().epoch()).isEqualTo(2);
		assertThat(request.calls()).isEqualTo(1);
		assertThat(request.failures()).isEqualTo(1);
		assertThat(prepare().calls()).isZero();
	}

	@Test
	void halfOpenAdmitsOnlyCallsWithAGrantedLeaseAndReleasesThemWithTheirOutcome() {
		this.breaker.adopt(state(2, State.HALF_OPEN, State.OPEN, 0, "i:2:1"), true);
		long trial = this.breaker.acquirePermission();
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission)
			.satisfies((ex) -> assertThat(ex.state()).isEqualTo(State.HALF_OPEN));
		SyncRequest asking = prepare();
		assertThat(asking.leasesWanted()).isEqualTo(1);
		assertThat(asking.leasesHeld()).containsExactly("i:2:1");
		this.breaker.onSuccess(trial, 0);
		SyncRequest done = prepare();
		assertThat(done.trialCalls()).isEqualTo(1);
		assertThat(done.leasesDone()).containsExactly("i:2:1");
		assertThat(done.leasesHeld()).isEmpty();
	}

	@Test
	void anIgnoredTrialCallGivesItsLeaseBackForTheNextCall() {
		this.breaker.adopt(state(2, State.HALF_OPEN, State.OPEN, 0, "i:2:1"), true);
		this.breaker.onIgnored(this.breaker.acquirePermission());
		this.breaker.onSuccess(this.breaker.acquirePermission(), 0);
		assertThat(prepare().trialCalls()).isEqualTo(1);
	}

	@Test
	void aManualTransitionShowsAtOnceAndIsSentUntilTheStoreConfirmsIt() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission);
		SyncRequest first = prepare();
		assertThat(first.manual()).startsWith("FORCED_OPEN#");
		this.breaker.book.acknowledge(first);
		assertThat(prepare().manual()).isNull();
	}

	@Test
	void aPendingManualTransitionNeverReseedsTheStoreWithItsProvisionalState() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		SyncRequest request = prepare();
		// were FORCED_OPEN at epoch 0 seeded into an empty store, the other instances
		// (CLOSED at epoch 0) would never adopt it: only a newer epoch is adopted
		assertThat(request.known().state()).isEqualTo(State.CLOSED);
		assertThat(request.manual()).startsWith("FORCED_OPEN#");
		this.breaker.adopt(state(0, State.CLOSED, State.CLOSED, 0), true);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
	}

	@Test
	void aManualTransitionTheStoreNeverConfirmedHoldsLocallyWhenTheStoreGoesDown() {
		this.breaker.transitionTo(State.FORCED_OPEN);
		this.breaker.storeDown(OnStoreFailure.LOCAL);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission);
		SyncRequest recovery = prepare();
		assertThat(recovery.manual()).startsWith("FORCED_OPEN#");
		this.breaker.book.acknowledge(recovery);
		this.breaker.adopt(state(1, State.FORCED_OPEN, State.CLOSED, 0), true);
		this.breaker.adopt(state(2, State.CLOSED, State.FORCED_OPEN, 0), false);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		this.breaker.storeDown(OnStoreFailure.LOCAL);
		// the local stand-in did not stay forced open behind the shared state
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void theStoresReplyWinsOverAnotherStateAtTheSameEpoch() {
		this.breaker.adopt(state(0, State.FORCED_OPEN, State.CLOSED, 0), false);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		this.breaker.adopt(state(0, State.FORCED_OPEN, State.CLOSED, 0), true);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
	}

	@Test
	void whileTheStoreIsDownTheWarmLocalWindowDecides() {
		for (int i = 0; i < 3; i++) {
			this.breaker.onError(this.breaker.acquirePermission(), 0, new IllegalStateException());
		}
		this.breaker.storeDown(OnStoreFailure.LOCAL);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		this.breaker.onError(this.breaker.acquirePermission(), 0, new IllegalStateException());
		assertThat(this.breaker.state()).isEqualTo(State.OPEN);
		assertThat(this.breaker.transitions().get(0).reason()).endsWith("(local, store unavailable)");
		this.breaker.adopt(state(0, State.CLOSED, State.CLOSED, 0), true);
		assertThat(this.breaker.state()).isEqualTo(State.CLOSED);
		assertThat(this.breaker.transitions().get(0).reason()).startsWith("shared state adopted");
	}

	@Test
	void failClosedRejectsAndFailOpenAdmitsWhileTheStoreIsDown() {
		this.breaker.storeDown(OnStoreFailure.FAIL_CLOSED);
		assertThat(this.breaker.state()).isEqualTo(State.FORCED_OPEN);
		assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(this.breaker::acquirePermission);
		this.breaker.adopt(state(0, State.CLOSED, State.CLOSED, 0), true);
		this.breaker.storeDown(OnStoreFailure.FAIL_OPEN);
		assertThat(this.breaker.state()).isEqualTo(State.DISABLED);
		for (int i = 0; i < 10; i++) {
			this.breaker.onError(this.breaker.acquirePermission(), 0, new IllegalStateException());
		}
		assertThat(this.breaker.state()).isEqualTo(State.DISABLED);
	}

}
