/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.State;
import dev.breaker.store.ClusterState;
import dev.breaker.store.StoreSettings;
import dev.breaker.store.SyncRequest;

/**
 * The {@code sync.lua} script: its arguments, its reply, and the message it publishes.
 */
final class SyncScript {

	static final int KEYS = 4;

	static final byte[] BODY = read();

	static final String SHA = sha1(BODY);

	private SyncScript() {
	}

	/**
	 * The keys of one breaker, all with the same hash tag so that the script runs on one
	 * Redis Cluster node.
	 * @param prefix the key prefix
	 * @param name the breaker name
	 * @return the state, window, probes and failing keys
	 */
	static String[] keys(String prefix, String name) {
		String base = prefix + ":{" + name + "}:";
		return new String[] { base + "state", base + "window", base + "probes", base + "failing" };
	}

	static byte[][] keysAndArgs(String prefix, String instanceId, StoreSettings settings, SyncRequest request) {
		CircuitBreakerConfig config = request.config();
		ClusterState known = request.known();
		boolean timeBased = config.slidingWindowType() == CircuitBreakerConfig.SlidingWindowType.TIME_BASED;
		String[] keys = keys(prefix, request.name());
		Object[] args = { RedisStoreBackend.FORMAT, instanceId, timeBased ? "T" : "C", config.slidingWindowSize(),
				config.effectiveMinimumNumberOfCalls(), config.failureRateThreshold(), config.slowCallRateThreshold(),
				config.consecutiveFailuresThreshold(), config.waitDurationInOpenState().toMillis(),
				config.waitDurationMultiplier(), config.maxWaitDurationInOpenState().toMillis(),
				config.permittedNumberOfCallsInHalfOpenState(), config.maxWaitDurationInHalfOpenState().toMillis(),
				settings.minFailingInstances(), settings.leaseTtl().toMillis(), keyTtl(config).toMillis(),
				prefix + ":transitions", request.name(), known.epoch(), known.state().name(),
				known.openRemainingMillis(), known.attempt(), request.calls(), request.failures(), request.slowCalls(),
				request.streakBroken() ? 1 : 0, request.failureStreak(), request.leasesWanted(), request.trialCalls(),
				request.trialFailures(), request.trialSlowCalls(), String.join(",", request.leasesDone()),
				String.join(",", request.leasesHeld()), (request.manual() != null) ? request.manual() : "" };
		byte[][] all = new byte[keys.length + args.length][];
		for (int i = 0; i < keys.length; i++) {
			all[i] = RedisStoreBackend.bytes(keys[i]);
		}
		for (int i = 0; i < args.length; i++) {
			all[keys.length + i] = RedisStoreBackend.bytes(String.valueOf(args[i]));
		}
		return all;
	}

	/**
	 * How long the keys of an untouched breaker live: long enough to outlast its window
	 * and its longest open wait, so only breakers nobody uses any more disappear.
	 * @param config the breaker configuration
	 * @return the time to live of every key
	 */
	static Duration keyTtl(CircuitBreakerConfig config) {
		Duration ttl = Duration.ofHours(1);
		Duration wait = config.maxWaitDurationInOpenState().multipliedBy(2);
		Duration window = Duration.ofSeconds(config.slidingWindowSize()).multipliedBy(2);
		ttl = (wait.compareTo(ttl) > 0) ? wait : ttl;
		return (window.compareTo(ttl) > 0) ? window : ttl;
	}

	static ClusterState parse(String name, Object reply) {
		if (reply instanceof Exception ex) {
			throw (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
		}
		List<?> fields = (List<?>) reply;
		List<String> granted = new ArrayList<>();
		for (Object lease : (List<?>) fields.get(9)) {
			granted.add(text(lease));
		}
		return new ClusterState(name, number(fields.get(0)), State.valueOf(text(fields.get(1))),
				State.valueOf(text(fields.get(2))), text(fields.get(3)), number(fields.get(4)),
				(int) number(fields.get(5)), number(fields.get(6)), number(fields.get(7)), number(fields.get(8)),
				granted);
	}

	static ClusterState parseMessage(byte[] body) {
		String[] parts = new String(body, StandardCharsets.UTF_8).split("\n", 7);
		if (parts.length < 7) {
			return null;
		}
		return new ClusterState(parts[0], Long.parseLong(parts[1]), State.valueOf(parts[2]), State.valueOf(parts[3]),
				parts[6], Long.parseLong(parts[4]), Integer.parseInt(parts[5]), -1, 0, 0, List.of());
	}

	static boolean isNoScript(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (String.valueOf(cause.getMessage()).contains("NOSCRIPT")) {
				return true;
			}
		}
		return false;
	}

	private static String text(Object value) {
		return (value instanceof byte[] raw) ? new String(raw, StandardCharsets.UTF_8) : String.valueOf(value);
	}

	private static long number(Object value) {
		return (value instanceof Number n) ? n.longValue() : Long.parseLong(text(value));
	}

	private static byte[] read() {
		try (InputStream in = SyncScript.class.getResourceAsStream("sync.lua")) {
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String sha1(byte[] body) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(body));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
