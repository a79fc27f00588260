/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.breaker.CallNotPermittedException;
import dev.breaker.StateTransition;
import dev.breaker.annotation.CircuitGuarded;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * The annotated beans that the {@code @SpringBootTest} tests call, with a manual ticker.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class GuardedServices {

	@Bean
	ManualTicker manualTicker() {
		return new ManualTicker();
	}

	@Bean
	PlainService plainService() {
		return new PlainService();
	}

	@Bean
	TypeLevelService typeLevelService() {
		return new TypeLevelService();
	}

	@Bean
	FallbackService fallbackService() {
		return new FallbackService();
	}

	@Bean
	AsyncService asyncService() {
		return new AsyncService();
	}

	@Bean
	TransitionEvents transitionEvents() {
		return new TransitionEvents();
	}

	static class PlainService {

		private final AtomicInteger calls = new AtomicInteger();

		private volatile Exception failure;

		// Tests reach the target through these methods: fields of a proxy are not the
		// target's.
		void failWith(Exception failure) {
			this.failure = failure;
		}

		int calls() {
			return this.calls.get();
		}

		@CircuitGuarded("plain")
		public String get() throws Exception {
			this.calls.incrementAndGet();
			if (this.failure != null) {
				throw this.failure;
			}
			return "value";
		}

		@CircuitGuarded("void")
		public void run() throws Exception {
			get();
		}

		@CircuitGuarded("ignoring")
		public String ignoring() throws Exception {
			return get();
		}

	}

	@CircuitGuarded("type-level")
	static class TypeLevelService {

		public String inherited() {
			return "type";
		}

		@CircuitGuarded("method-level")
		public String own() {
			return "method";
		}

		String notPublic() {
			return "unguarded";
		}

	}

	static class FallbackService {

		private volatile Exception failure;

		void failWith(Exception failure) {
			this.failure = failure;
		}

		@CircuitGuarded(value = "fallbacks", fallback = "recover")
		public String get(String key) throws Exception {
			if (this.failure != null) {
				throw this.failure;
			}
			return "value:" + key;
		}

		private String recover(String key, IOException ex) {
			return "io:" + key;
		}

		private String recover(String key, FileNotFoundException ex) {
			return "file:" + key;
		}

		String recover(String key, CallNotPermittedException ex) {
			return "rejected:" + ex.breakerName() + ":" + key;
		}

		@CircuitGuarded(value = "fallback-without-exception", fallback = "any")
		public String other(String key) throws Exception {
			return get(key);
		}

		private String any(String key) {
			return "any:" + key;
		}

		@CircuitGuarded(value = "failing-fallback", fallback = "failing")
		public String third(String key) throws Exception {
			return get(key);
		}

		private String failing(String key, Exception ex) {
			throw new IllegalStateException("fallback failed for " + key);
		}

	}

	static class TransitionEvents {

		final List<StateTransition> heard = new ArrayList<>();

		@EventListener
		void on(StateTransition transition) {
			synchronized (this.heard) {
				this.heard.add(transition);
			}
		}

	}

}
