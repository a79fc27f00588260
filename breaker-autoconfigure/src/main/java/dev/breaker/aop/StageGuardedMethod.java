/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import org.aopalliance.intercept.MethodInvocation;
import org.jspecify.annotations.Nullable;

/**
 * Guards a method that returns a {@link CompletionStage} or {@link CompletableFuture}:
 * the outcome is recorded when the stage completes, a rejection is a failed stage, and a
 * fallback receives the cause rather than a {@link CompletionException}. A cancelled
 * stage counts as ignored.
 */
final class StageGuardedMethod extends GuardedMethod {

	StageGuardedMethod(Class<?> targetClass, CircuitBreaker breaker, @Nullable Fallback fallback) {
		super(targetClass, breaker, fallback);
	}

	@Override
	@Nullable Object invoke(MethodInvocation invocation) throws Throwable {
		long permit;
		try {
			permit = this.breaker.acquirePermission();
		}
		catch (CallNotPermittedException ex) {
			CompletableFuture<@Nullable Object> rejected = new CompletableFuture<>();
			new Completion(this, invocation, rejected).fail(ex);
			return rejected;
		}
		long start = this.ticker.read();
		Object result;
		try {
			result = invocation.proceed();
		}
		catch (Throwable ex) {
			// Thrown before any stage exists: it propagates as thrown, like a plain call.
			this.breaker.onError(permit, this.ticker.read() - start, ex);
			return fallbackOrThrow(invocation, ex);
		}
		if (result == null) {
			this.breaker.onSuccess(permit, this.ticker.read() - start);
			return null;
		}
		CompletableFuture<@Nullable Object> guarded = new CompletableFuture<>();
		((CompletionStage<?>) result)
			.whenComplete(new Outcome(new Completion(this, invocation, guarded), permit, start));
		return guarded;
	}

	static Throwable unwrap(Throwable ex) {
		return (ex instanceof CompletionException && ex.getCause() != null) ? ex.getCause() : ex;
	}

	/**
	 * Completes the stage returned to the caller, through the fallback when one accepts
	 * the failure.
	 */
	private static final class Completion {

		private final StageGuardedMethod method;

		private final MethodInvocation invocation;

		private final CompletableFuture<@Nullable Object> guarded;

		Completion(StageGuardedMethod method, MethodInvocation invocation,
				CompletableFuture<@Nullable Object> guarded) {
			this.method = method;
			this.invocation = invocation;
			this.guarded = guarded;
		}

		void fail(Throwable cause) {
			Fallback.Overload overload = (this.method.fallback != null) ? this.method.fallback.find(cause) : null;
			if (overload == null) {
				this.guarded.completeExceptionally(cause);
				return;
			}
			try {
				Object stage = overload.invoke(this.invocation.getThis(), this.invocation.getArguments(), cause);
				if (stage == null) {
					this.guarded.complete(null);
				}
				else {
					((CompletionStage<?>) stage).whenComplete(this::complete);
				}
			}
			catch (Throwable ex) {
				this.guarded.completeExceptionally(ex);
			}
		}

		void complete(@Nullable Object value, @Nullable Throwable error) {
			if (error == null) {
				this.guarded.complete(value);
			}
			else {
				this.guarded.completeExceptionally(unwrap(error));
			}
		}

	}

	/**
	 * Records the outcome of the method's stage, then completes the caller's stage.
	 */
	private static final class Outcome implements BiConsumer<@Nullable Object, @Nullable Throwable> {

		private final Completion completion;

		private final long permit;

		private final long start;

		Outcome(Completion completion, long permit, long start) {
			this.completion = completion;
			this.permit = permit;
			this.start = start;
		}

		@Override
		public void accept(@Nullable Object value, @Nullable Throwable error) {
			StageGuardedMethod method = this.completion.method;
			long duration = method.ticker.read() - this.start;
			if (error == null) {
				method.breaker.onSuccess(this.permit, duration);
				this.completion.guarded.complete(value);
			}
			else {
				Throwable cause = unwrap(error);
				if (cause instanceof CancellationException) {
					// Cancelled, like a cancelled subscription: says nothing about the
					// remote side.
					method.breaker.onIgnored(this.permit);
				}
				else {
					method.breaker.onError(this.permit, duration, cause);
				}
				this.completion.fail(cause);
			}
		}

	}

}
