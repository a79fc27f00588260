/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisPipelineException;
import org.springframework.data.redis.connection.ReturnType;

import dev.breaker.store.ClusterState;
import dev.breaker.store.StoreBackend;
import dev.breaker.store.StoreSettings;
import dev.breaker.store.SyncRequest;

/**
 * The Redis backend of shared breakers, on the application's
 * {@link RedisConnectionFactory}: one pipelined {@code EVALSHA} per breaker per sync, and
 * one pub/sub subscription for the changes made by other instances.
 */
public final class RedisStoreBackend implements StoreBackend {

	/** The format of the stored state; a script refuses to touch another format. */
	public static final String FORMAT = "1";

	private final RedisConnectionFactory connectionFactory;

	private final String keyPrefix;

	private final byte[] channel;

	private volatile boolean scriptLoaded;

	private volatile boolean pipelining = true;

	private volatile RedisConnection subscription;

	private volatile RedisConnection connection; // the I/O thread's; close() reads it too

	/**
	 * Create a backend.
	 * @param connectionFactory the application's connection factory
	 * @param keyPrefix the prefix of every key and of the channel, e.g. {@code breaker}
	 */
	public RedisStoreBackend(RedisConnectionFactory connectionFactory, String keyPrefix) {
		this.connectionFactory = connectionFactory;
		this.keyPrefix = keyPrefix;
		this.channel = bytes(keyPrefix + ":transitions");
	}

	@Override
	public List<ClusterState> sync(String instanceId, StoreSettings settings, List<SyncRequest> requests) {
		// One connection, kept: pipelining may need a dedicated one, and opening it per
		// sync
		// would cost a handshake every sync interval.
		if (this.connection == null || this.connection.isClosed()) {
			this.connection = this.connectionFactory.getConnection();
		}
		try {
			return sync(this.connection, instanceId, settings, requests);
		}
		catch (RuntimeException ex) {
			closeQuietly(this.connection);
			this.connection = null;
			throw ex;
		}
	}

	private List<ClusterState> sync(RedisConnection connection, String instanceId, StoreSettings settings,
			List<SyncRequest> requests) {
		if (requests.isEmpty()) {
			connection.ping();
			return List.of();
		}
		if (!this.scriptLoaded) {
			load(connection);
		}
		try {
			return evaluate(connection, instanceId, settings, requests);
		}
		catch (RuntimeException ex) {
			if (!SyncScript.isNoScript(ex)) {
				throw ex;
			}
			// Redis restarted or its script cache was flushed.
			load(connection);
			return evaluate(connection, instanceId, settings, requests);
		}
	}

	private void load(RedisConnection connection) {
		connection.scriptingCommands().scriptLoad(SyncScript.BODY);
		this.scriptLoaded = true;
	}

	private List<ClusterState> evaluate(RedisConnection connection, String instanceId, StoreSettings settings,
			List<SyncRequest> requests) {
		List<Object> replies = this.pipelining ? pipelined(connection, instanceId, settings, requests) : null;
		if (replies == null) {
			replies = new ArrayList<>(requests.size());
			for (SyncRequest request : requests) {
				replies.add(evalSha(connection, instanceId, settings, request));
			}
		}
		List<ClusterState> states = new ArrayList<>(requests.size());
		for (int i = 0; i < requests.size(); i++) {
			states.add(SyncScript.parse(requests.get(i).name(), replies.get(i)));
		}
		return states;
	}

	// A Redis Cluster connection of Spring Data Redis does not pipeline: then each
	// breaker's script goes on its own round trip (to the node that owns its hash tag).
	private List<Object> pipelined(RedisConnection connection, String instanceId, StoreSettings settings,
			List<SyncRequest> requests) {
		try {
			connection.openPipeline();
		}
		catch (UnsupportedOperationException ex) {
			this.pipelining = false;
			return null;
		}
		try {
			for (SyncRequest request : requests) {
				evalSha(connection, instanceId, settings, request);
			}
		}
		catch (RuntimeException ex) {
			try {
				connection.closePipeline();
			}
			catch (RuntimeException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
		return closePipeline(connection);
	}

	private Object evalSha(RedisConnection connection, String instanceId, StoreSettings settings, SyncRequest request) {
		byte[][] keysAndArgs = SyncScript.keysAndArgs(this.keyPrefix, instanceId, settings, request);
		return connection.scriptingCommands().evalSha(SyncScript.SHA, ReturnType.MULTI, SyncScript.KEYS, keysAndArgs);
	}

	// The pipeline's own exception says only that something failed; the first error says
	// what (NOSCRIPT, or the script's own BREAKERFORMAT).
	private static List<Object> closePipeline(RedisConnection connection) {
		try {
			return connection.closePipeline();
		}
		catch (RedisPipelineException ex) {
			for (Object result : ex.getPipelineResult()) {
				if (result instanceof Throwable first) {
					throw new IllegalStateException(first.getMessage(), ex);
				}
			}
			throw (ex.getCause() != null) ? new IllegalStateException(ex.getCause().getMessage(), ex) : ex;
		}
	}

	@Override
	public void subscribe(Consumer<ClusterState> listener) {
		closeSubscription();
		RedisConnection connection = this.connectionFactory.getConnection();
		try {
			connection.subscribe((message, pattern) -> {
				ClusterState state = SyncScript.parseMessage(message.getBody());
				if (state != null) {
					listener.accept(state);
				}
			}, this.channel);
		}
		catch (RuntimeException ex) {
			connection.close();
			throw ex;
		}
		this.subscription = connection;
	}

	private void closeSubscription() {
		RedisConnection previous = this.subscription;
		this.subscription = null;
		closeQuietly(previous);
	}

	private static void closeQuietly(RedisConnection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (RuntimeException ex) {
				// the old connection is gone with the old server
			}
		}
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("type", "redis");
		details.put("keyPrefix", this.keyPrefix);
		return details;
	}

	@Override
	public void close() {
		closeSubscription();
		closeQuietly(this.connection);
	}

	static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
