/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.CircuitBreakerConfig.SlidingWindowType;
import dev.breaker.State;
import dev.breaker.store.ClusterState;
import dev.breaker.store.StoreSettings;
import dev.breaker.store.SyncRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.awaitility.Awaitility.await;

/**
 * Edge cases of {@code sync.lua}, driven through the backend with hand-made requests.
 */
class SyncScriptTests {

	private static RedisProcess redis;

	private static LettuceConnectionFactory connectionFactory;

	private static RedisClient client;

	private RedisCommands<String, String> commands;

	private StatefulRedisConnection<String, String> connection;

	private final String prefix = "s" + UUID.randomUUID().toString().substring(0, 6);

	private final RedisStoreBackend backend = new RedisStoreBackend(connectionFactory, this.prefix);

	private final StoreSettings settings = StoreSettings.defaults();

	@BeforeAll
	static void start() {
		redis = RedisProcess.start();
		connectionFactory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", redis.port()));
		connectionFactory.afterPropertiesSet();
		connectionFactory.start();
		client = RedisClient.create("redis://127.0.0.1:" + redis.port());
	}

	@AfterAll
	static void stop() {
		client.shutdown();
		connectionFactory.destroy();
		redis.close();
	}

	@BeforeEach
	void connect() {
		this.connection = client.connect();
		this.commands = this.connection.sync();
	}

	@AfterEach
	void disconnect() {
		this.backend.close();
		this.connection.close();
	}

	private static CircuitBreakerConfig.Builder config() {
		return CircuitBreakerConfig.builder().waitDurationInOpenState(Duration.ofSeconds(30));
	}

	private static SyncRequest closed(CircuitBreakerConfig config, long epoch, long calls, long failures) {
		ClusterState known = new ClusterState("payments", epoch, State.CLOSED, State.CLOSED, "", 0, 0, -1, 0, 0,
				List.of());
		return new SyncRequest("payments", config, known, calls, failures, 0, false, 0, 0, 0, 0, 0, List.of(),
				List.of(), null);
	}

	private ClusterState sync(String instance, SyncRequest request) {
		return this.backend.sync(instance, this.settings, List.of(request)).get(0);
	}

	@Test
	void aCountBasedWindowKeepsTheLastCallsCountingItsOldestBatchInPart() {
		CircuitBreakerConfig config = config().slidingWindowSize(10).build();
		sync("a", closed(config, 0, 4, 4));
		sync("a", closed(config, 0, 4, 0));
		ClusterState third = sync("a", closed(config, 0, 4, 0));
		assertThat(third.windowCalls()).isEqualTo(10);
		assertThat(third.windowFailures()).isEqualTo(2);
		ClusterState fourth = sync("a", closed(config, 0, 4, 0));
		assertThat(fourth.windowCalls()).isEqualTo(10);
		assertThat(fourth.windowFailures()).isZero();
		assertThat(this.commands.llen(this.prefix + ":{payments}:window")).isEqualTo(3);
	}

	@Test
	void aTimeBasedWindowDropsTheSecondsThatSlidOut() {
		CircuitBreakerConfig config = config().slidingWindowType(SlidingWindowType.TIME_BASED)
			.slidingWindowSize(1)
			.minimumNumberOfCalls(100)
			.build();
		assertThat(sync("a", closed(config, 0, 5, 5)).windowCalls()).isEqualTo(5);
		await().atMost(Duration.ofSeconds(3)).until(() -> sync("a", closed(config, 0, 0, 0)).windowCalls() == 0);
		ClusterState after = sync("a", closed(config, 0, 1, 0));
		assertThat(after.windowCalls()).isEqualTo(1);
		assertThat(after.windowFailures()).isZero();
		assertThat(this.commands.hlen(this.prefix + ":{payments}:window")).isEqualTo(1);
	}

	@Test
	void aManualTransitionSentAgainAfterItsReplyWasLostDoesNotUndoALaterTrip() {
		CircuitBreakerConfig config = config().slidingWindowSize(2).minimumNumberOfCalls(2).build();
		ClusterState seeded = sync("a", closed(config, 0, 0, 0));
		assertThat(sync("a", manual(config, seeded, "FORCED_OPEN#a1")).state()).isEqualTo(State.FORCED_OPEN);
		// instance a never sees that reply; meanwhile b closes the breaker and it trips
		ClusterState closed = sync("b", manual(config, seeded, "CLOSED#b1"));
		ClusterState tripped = sync("b", closed(config, closed.epoch(), 2, 2));
		assertThat(tripped.state()).isEqualTo(State.OPEN);
		// a sends its command again: the store already applied it
		ClusterState after = sync("a", manual(config, seeded, "FORCED_OPEN#a1"));
		assertThat(after.state()).isEqualTo(State.OPEN);
		assertThat(after.epoch()).isEqualTo(tripped.epoch());
	}

	private static SyncRequest manual(CircuitBreakerConfig config, ClusterState known, String command) {
		return new SyncRequest("payments", config, known, 0, 0, 0, false, 0, 0, 0, 0, 0, List.of(), List.of(), command);
	}

	@Test
	void twoSyncsRacingOnTheSameEpochTripTheBreakerOnce() throws Exception {
		CircuitBreakerConfig config = config().slidingWindowSize(10).build();
		sync("a", closed(config, 0, 0, 0));
		RedisStoreBackend other = new RedisStoreBackend(connectionFactory, this.prefix);
		CyclicBarrier start = new CyclicBarrier(2);
		CompletableFuture<ClusterState> first = CompletableFuture.supplyAsync(() -> {
			arrive(start);
			return sync("a", closed(config, 0, 10, 10));
		});
		CompletableFuture<ClusterState> second = CompletableFuture.supplyAsync(() -> {
			arrive(start);
			return other.sync("b", this.settings, List.of(closed(config, 0, 10, 10))).get(0);
		});
		assertThat(List.of(first.get(), second.get())).allSatisfy((state) -> {
			assertThat(state.epoch()).isEqualTo(1);
			assertThat(state.state()).isEqualTo(State.OPEN);
		});
		// the loser's counts belonged to the closed epoch and were dropped
		assertThat(this.commands.llen(this.prefix + ":{payments}:window")).isEqualTo(1);
		assertThat(this.commands.hget(this.prefix + ":{payments}:state", "reason"))
			.isEqualTo("failure rate 100% >= 50% over 10 calls from 1 instance");
		other.close();
	}

	private static void arrive(CyclicBarrier barrier) {
		try {
			barrier.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void keysThatExpiredAreReseededFromTheStateTheInstanceKnows() {
		CircuitBreakerConfig config = config().build();
		sync("a", closed(config, 0, 3, 1));
		String[] keys = SyncScript.keys(this.prefix, "payments");
		// -1 would be a key without a time to live; -2 a key that does not exist (no
		// leases)
		assertThat(keys).allSatisfy((key) -> assertThat(this.commands.pttl(key)).isNotEqualTo(-1));
		assertThat(this.commands.pttl(keys[0])).isPositive();
		assertThat(this.commands.pttl(keys[1])).isPositive();
		assertThat(this.commands.pttl(keys[3])).isPositive();
		this.commands.del(keys);
		ClusterState known = new ClusterState("payments", 7, State.OPEN, State.CLOSED, "", 20_000, 2, -1, 0, 0,
				List.of());
		ClusterState reply = sync("a",
				new SyncRequest("payments", config, known, 0, 0, 0, false, 0, 0, 0, 0, 0, List.of(), List.of(), null));
		assertThat(reply.epoch()).isEqualTo(7);
		assertThat(reply.state()).isEqualTo(State.OPEN);
		assertThat(reply.attempt()).isEqualTo(2);
		assertThat(reply.openRemainingMillis()).isBetween(19_000L, 20_000L);
		assertThat(this.commands.hget(keys[0], "v")).isEqualTo(RedisStoreBackend.FORMAT);
	}

	@Test
	void aStoreWithALowerEpochThanAnInstanceIsReseeded() {
		CircuitBreakerConfig config = config().build();
		sync("newcomer", closed(config, 0, 0, 0));
		ClusterState known = new ClusterState("payments", 12, State.FORCED_OPEN, State.CLOSED, "", 0, 0, -1, 0, 0,
				List.of());
		ClusterState reply = sync("veteran",
				new SyncRequest("payments", config, known, 0, 0, 0, false, 0, 0, 0, 0, 0, List.of(), List.of(), null));
		assertThat(reply.epoch()).isEqualTo(12);
		assertThat(reply.state()).isEqualTo(State.FORCED_OPEN);
	}

	private static SyncRequest trial(CircuitBreakerConfig config, ClusterState known, int wanted, long failures,
			List<String> done) {
		return new SyncRequest("payments", config, known, 0, 0, 0, false, 0, wanted, failures, failures, 0, done,
				List.of(), null);
	}

	@Test
	void eachConsecutiveReopenWaitsLongerOnTheSharedClock() {
		CircuitBreakerConfig config = config().slidingWindowSize(1)
			.permittedNumberOfCallsInHalfOpenState(1)
			.waitDurationInOpenState(Duration.ofMillis(100))
			.waitDurationMultiplier(4)
			.maxWaitDurationInOpenState(Duration.ofSeconds(10))
			.build();
		ClusterState open = sync("a", closed(config, 0, 1, 1));
		assertThat(open.state()).isEqualTo(State.OPEN);
		assertThat(open.openRemainingMillis()).isBetween(1L, 100L);
		ClusterState[] halfOpen = new ClusterState[1];
		await().atMost(Duration.ofSeconds(3)).until(() -> {
			halfOpen[0] = sync("a", trial(config, open, 1, 0, List.of()));
			return halfOpen[0].state() == State.HALF_OPEN;
		});
		assertThat(halfOpen[0].grantedLeases()).hasSize(1);
		ClusterState reopened = sync("a", trial(config, halfOpen[0], 0, 1, halfOpen[0].grantedLeases()));
		assertThat(reopened.state()).isEqualTo(State.OPEN);
		assertThat(reopened.attempt()).isEqualTo(1);
		assertThat(reopened.openRemainingMillis()).isBetween(300L, 400L);
		assertThat(reopened.reason()).isEqualTo("1 of 1 trial calls failed (100% >= 50%)");
	}

	@Test
	void halfOpenReopensWhenItsTrialsTakeLongerThanAllowed() {
		CircuitBreakerConfig config = config().slidingWindowSize(1)
			.waitDurationInOpenState(Duration.ofMillis(50))
			.maxWaitDurationInHalfOpenState(Duration.ofMillis(100))
			.build();
		ClusterState open = sync("a", closed(config, 0, 1, 1));
		await().atMost(Duration.ofSeconds(3))
			.until(() -> sync("a", trial(config, open, 0, 0, List.of())).state() == State.HALF_OPEN);
		ClusterState[] last = new ClusterState[1];
		await().atMost(Duration.ofSeconds(3)).until(() -> {
			last[0] = sync("a", trial(config, open, 0, 0, List.of()));
			return last[0].state() == State.OPEN;
		});
		assertThat(last[0].reason()).isEqualTo("trial calls not completed within 100ms");
		assertThat(last[0].attempt()).isEqualTo(1);
	}

	@Test
	void trialsReportedAfterTheHalfOpenDeadlineReopenInsteadOfClosing() throws InterruptedException {
		CircuitBreakerConfig config = config().slidingWindowSize(1)
			.permittedNumberOfCallsInHalfOpenState(1)
			.waitDurationInOpenState(Duration.ofMillis(50))
			.maxWaitDurationInHalfOpenState(Duration.ofMillis(100))
			.build();
		ClusterState open = sync("a", closed(config, 0, 1, 1));
		ClusterState[] halfOpen = new ClusterState[1];
		await().atMost(Duration.ofSeconds(3)).until(() -> {
			halfOpen[0] = sync("a", trial(config, open, 0, 0, List.of()));
			return halfOpen[0].state() == State.HALF_OPEN;
		});
		Thread.sleep(150); // the deadline is on Redis's clock: let it pass with no sync
		SyncRequest lateSuccess = new SyncRequest("payments", config, halfOpen[0], 0, 0, 0, false, 0, 0, 1, 0, 0,
				List.of(), List.of(), null);
		ClusterState after = sync("a", lateSuccess);
		assertThat(after.state()).isEqualTo(State.OPEN);
		assertThat(after.reason()).isEqualTo("trial calls not completed within 100ms");
	}

	private static SyncRequest streak(CircuitBreakerConfig config, long failures, boolean broken, long streak) {
		ClusterState known = ClusterState.initial("payments");
		return new SyncRequest("payments", config, known, failures + (broken ? 1 : 0), failures, 0, broken, streak, 0,
				0, 0, 0, List.of(), List.of(), null);
	}

	@Test
	void consecutiveFailuresAddUpAcrossInstancesUntilASuccessBreaksTheStreak() {
		CircuitBreakerConfig config = config().consecutiveFailuresThreshold(5).build();
		assertThat(sync("a", streak(config, 3, false, 3)).state()).isEqualTo(State.CLOSED);
		// b had a success, then one failure: the cluster streak restarts at one
		assertThat(sync("b", streak(config, 1, true, 1)).state()).isEqualTo(State.CLOSED);
		assertThat(sync("a", streak(config, 3, false, 3)).state()).isEqualTo(State.CLOSED);
		ClusterState open = sync("b", streak(config, 1, false, 1));
		assertThat(open.state()).isEqualTo(State.OPEN);
		assertThat(open.reason()).isEqualTo("5 consecutive failures (threshold 5) from 2 instances");
	}

	@Test
	void aStoredFormatTheScriptDoesNotKnowIsLeftAlone() {
		this.commands.hset(this.prefix + ":{payments}:state", "v", "99");
		assertThatException().isThrownBy(() -> sync("a", closed(config().build(), 0, 1, 0)))
			.withMessageContaining("BREAKERFORMAT");
		assertThat(this.commands.hget(this.prefix + ":{payments}:state", "v")).isEqualTo("99");
	}

	@Test
	void aFlushedScriptCacheIsReloaded() {
		sync("a", closed(config().build(), 0, 1, 0));
		this.commands.scriptFlush();
		assertThat(sync("a", closed(config().build(), 0, 1, 0)).windowCalls()).isEqualTo(2);
	}

}
