/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import dev.breaker.CallNotPermittedException;
import dev.breaker.annotation.CircuitGuarded;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Annotated methods with asynchronous return types, whose results the tests supply.
 */
class AsyncService {

	private volatile CompletableFuture<String> next;

	private volatile Mono<String> nextMono;

	private volatile Flux<String> nextFlux;

	private final AtomicInteger subscriptions = new AtomicInteger();

	void willReturn(CompletableFuture<String> next) {
		this.next = next;
	}

	void willReturn(Mono<String> next) {
		this.nextMono = next;
	}

	void willReturn(Flux<String> next) {
		this.nextFlux = next;
	}

	int subscriptions() {
		return this.subscriptions.get();
	}

	@CircuitGuarded("future")
	public CompletableFuture<String> future() {
		return this.next;
	}

	@CircuitGuarded("stage")
	public CompletionStage<String> stage() {
		return this.next;
	}

	@CircuitGuarded(value = "future-fallback", fallback = "futureFallback")
	public CompletableFuture<String> futureWithFallback() {
		return this.next;
	}

	private CompletableFuture<String> futureFallback(IOException ex) {
		return CompletableFuture.completedFuture("fallback:" + ex.getMessage());
	}

	private CompletableFuture<String> futureFallback(CallNotPermittedException ex) {
		return CompletableFuture.completedFuture("rejected");
	}

	@CircuitGuarded("mono")
	public Mono<String> mono() {
		return this.nextMono.doOnSubscribe((subscription) -> this.subscriptions.incrementAndGet());
	}

	@CircuitGuarded("flux")
	public Flux<String> flux() {
		return this.nextFlux.doOnSubscribe((subscription) -> this.subscriptions.incrementAndGet());
	}

	@CircuitGuarded(value = "mono-fallback", fallback = "monoFallback")
	public Mono<String> monoWithFallback() {
		return mono();
	}

	@CircuitGuarded(value = "flux-fallback", fallback = "fluxFallback")
	public Flux<String> fluxWithFallback() {
		return flux();
	}

	private Flux<String> fluxFallback(IOException ex) {
		return Flux.just("fallback", ex.getMessage());
	}

	@CircuitGuarded("throws-before-stage")
	public CompletableFuture<String> throwsBeforeStage() throws IOException {
		throw new IOException("no stage");
	}

	private Mono<String> monoFallback(Throwable ex) {
		return Mono.just("fallback:" + ex.getClass().getSimpleName());
	}

}
