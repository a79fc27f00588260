/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.time.Duration;

/**
 * Where breaker state is kept, bound from {@code breaker.store}.
 */
public class StoreProperties {

	/**
	 * Where breaker state is kept: local (in this process) or redis (shared by every
	 * instance of the service).
	 */
	private Type type = Type.LOCAL;

	private final Redis redis = new Redis();

	public Type getType() {
		return this.type;
	}

	public void setType(Type type) {
		this.type = type;
	}

	public Redis getRedis() {
		return this.redis;
	}

	/**
	 * The kinds of store.
	 */
	public enum Type {

		/** Each process keeps its own state. */
		LOCAL,

		/** State shared through Redis. */
		REDIS

	}

	/**
	 * Settings of the Redis store.
	 */
	public static class Redis {

		/**
		 * Prefix of every Redis key the store writes.
		 */
		private String keyPrefix = "breaker";

		/**
		 * How often local outcomes are flushed to Redis and the shared state re-read.
		 */
		private Duration syncInterval = Duration.ofMillis(100);

		/**
		 * Above 1, a shared trip also needs failures reported by this many instances.
		 */
		private int minFailingInstances = 1;

		/**
		 * What breakers do while the store cannot be reached.
		 */
		private OnStoreFailure onStoreFailure = OnStoreFailure.LOCAL;

		public String getKeyPrefix() {
			return this.keyPrefix;
		}

		public void setKeyPrefix(String keyPrefix) {
			this.keyPrefix = keyPrefix;
		}

		public Duration getSyncInterval() {
			return this.syncInterval;
		}

		public void setSyncInterval(Duration syncInterval) {
			this.syncInterval = syncInterval;
		}

		public int getMinFailingInstances() {
			return this.minFailingInstances;
		}

		public void setMinFailingInstances(int minFailingInstances) {
			this.minFailingInstances = minFailingInstances;
		}

		public OnStoreFailure getOnStoreFailure() {
			return this.onStoreFailure;
		}

		public void setOnStoreFailure(OnStoreFailure onStoreFailure) {
			this.onStoreFailure = onStoreFailure;
		}

		/**
		 * What breakers do while the store cannot be reached.
		 */
		public enum OnStoreFailure {

			/** Each instance breaks on its own, from its own calls. */
			LOCAL,

			/** Admit every call. */
			FAIL_OPEN,

			/** Reject every call. */
			FAIL_CLOSED

		}

	}

}
