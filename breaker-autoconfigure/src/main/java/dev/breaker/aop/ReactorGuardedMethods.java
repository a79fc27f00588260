/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.util.concurrent.atomic.AtomicBoolean;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Guards methods that return a Reactor {@link Mono} or {@link Flux}: the permit is taken
 * on subscription, a rejection is an error signal, the outcome is recorded on complete or
 * error, and a cancellation counts as ignored. Loaded only when reactor-core is present.
 */
final class ReactorGuardedMethods {

	private ReactorGuardedMethods() {
	}

	static @Nullable GuardedMethod of(Class<?> returnType, Class<?> targetClass, CircuitBreaker breaker,
			@Nullable Fallback fallback) {
		if (returnType == Mono.class) {
			return new MonoGuardedMethod(targetClass, breaker, fallback);
		}
		if (returnType == Flux.class) {
			return new FluxGuardedMethod(targetClass, breaker, fallback);
		}
		return null;
	}

	/**
	 * The outcome of one subscription, recorded once whatever signals follow.
	 */
	private static final class Subscription extends AtomicBoolean {

		private static final long serialVersionUID = 1L;

		private final transient CircuitBreaker breaker;

		private final long permit;

		private final long start;

		Subscription(CircuitBreaker breaker) {
			this.breaker = breaker;
			this.permit = breaker.acquirePermission();
			this.start = breaker.ticker().read();
		}

		void success() {
			if (compareAndSet(false, true)) {
				this.breaker.onSuccess(this.permit, this.breaker.ticker().read() - this.start);
			}
		}

		void error(Throwable ex) {
			if (compareAndSet(false, true)) {
				this.breaker.onError(this.permit, this.breaker.ticker().read() - this.start, ex);
			}
		}

		void cancel() {
			if (compareAndSet(false, true)) {
				this.breaker.onIgnored(this.permit);
			}
		}

	}

	private static final class MonoGuardedMethod extends GuardedMethod {

		MonoGuardedMethod(Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback) {
			super(targetClass, breaker, fallback);
		}

		@Override
		@SuppressWarnings("unchecked")
		@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Mono<Object> source;
			try {
				source = (Mono<Object>) invocation.proceed();
			}
			catch (Throwable ex) {
				// Thrown while assembling, before any subscription took a permit.
				return fallbackOrThrow(invocation, ex);
			}
			if (source == null) {
				return null;
			}
			Mono<Object> guarded = Mono.defer(() -> {
				Subscription subscription;
				try {
					subscription = new Subscription(this.breaker);
				}
				catch (CallNotPermittedException ex) {
					return Mono.error(ex);
				}
				return source.doOnSuccess((value) -> subscription.success())
					.doOnError(subscription::error)
					.doOnCancel(subscription::cancel);
			});
			if (this.fallback == null) {
				return guarded;
			}
			return guarded.onErrorResume((ex) -> {
				Fallback.Overload overload = this.fallback.find(ex);
				if (overload == null) {
					return Mono.error(ex);
				}
				try {
					Mono<Object> result = (Mono<Object>) overload.invoke(invocation.getThis(),
							invocation.getArguments(), ex);
					return (result != null) ? result : Mono.empty();
				}
				catch (Throwable failure) {
					return Mono.error(failure);
				}
			});
		}

	}

	private static final class FluxGuardedMethod extends GuardedMethod {

		FluxGuardedMethod(Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback) {
			super(targetClass, breaker, fallback);
		}

		@Override
		@SuppressWarnings("unchecked")
		@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
			Flux<Object> source;
			try {
				source = (Flux<Object>) invocation.proceed();
			}
			catch (Throwable ex) {
				// Thrown while assembling, before any subscription took a permit.
				return fallbackOrThrow(invocation, ex);
			}
			if (source == null) {
				return null;
			}
			Flux<Object> guarded = Flux.defer(() -> {
				Subscription subscription;
				try {
					subscription = new Subscription(this.breaker);
				}
				catch (CallNotPermittedException ex) {
					return Flux.error(ex);
				}
				return source.doOnComplete(subscription::success)
					.doOnError(subscription::error)
					.doOnCancel(subscription::cancel);
			});
			if (this.fallback == null) {
				return guarded;
			}
			return guarded.onErrorResume((ex) -> {
				Fallback.Overload overload = this.fallback.find(ex);
				if (overload == null) {
					return Flux.error(ex);
				}
				try {
					Flux<Object> result = (Flux<Object>) overload.invoke(invocation.getThis(),
							invocation.getArguments(), ex);
					return (result != null) ? result : Flux.empty();
				}
				catch (Throwable failure) {
					return Flux.error(failure);
				}
			});
		}

	}

}
