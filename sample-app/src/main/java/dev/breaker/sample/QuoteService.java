/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import dev.breaker.CallNotPermittedException;
import dev.breaker.annotation.CircuitGuarded;

import org.springframework.stereotype.Service;

/**
 * Quotes from the flaky downstream, each call guarded by a circuit breaker whose fallback
 * serves the last good quote marked as stale.
 */
@Service
public class QuoteService {

	private final Map<String, Quote> lastGood = new ConcurrentHashMap<>();

	private final FlakyDownstream downstream;

	private final Executor executor;

	public QuoteService(FlakyDownstream downstream, DownstreamExecutor executor) {
		this.downstream = downstream;
		this.executor = executor;
	}

	/**
	 * The current quote, or the last good one when the downstream fails or the breaker is
	 * open.
	 * @param symbol the ticker symbol
	 * @return the quote
	 * @throws QuoteUnavailableException if the call fails and nothing is cached
	 */
	@CircuitGuarded(value = "quotes", fallback = "cachedQuote")
	public Quote quote(String symbol) {
		return remember(this.downstream.fetch(symbol));
	}

	/**
	 * The asynchronous variant: the downstream call runs on its own executor and the
	 * breaker records its outcome when the future completes.
	 * @param symbol the ticker symbol
	 * @return the quote, completing when the downstream answers
	 */
	@CircuitGuarded(value = "quotes-async", fallback = "cachedQuoteAsync")
	public CompletableFuture<Quote> quoteAsync(String symbol) {
		return CompletableFuture.supplyAsync(() -> remember(this.downstream.fetch(symbol)), this.executor);
	}

	Quote cachedQuote(String symbol, Throwable cause) {
		Quote last = this.lastGood.get(symbol);
		if (last == null) {
			throw new QuoteUnavailableException(symbol, cause);
		}
		return last.asStale(reason(cause));
	}

	CompletableFuture<Quote> cachedQuoteAsync(String symbol, Throwable cause) {
		try {
			return CompletableFuture.completedFuture(cachedQuote(symbol, cause));
		}
		catch (QuoteUnavailableException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private Quote remember(Quote quote) {
		this.lastGood.put(quote.symbol(), quote);
		return quote;
	}

	private static String reason(Throwable cause) {
		if (cause instanceof CallNotPermittedException rejected) {
			return "breaker '" + rejected.breakerName() + "' is " + rejected.state();
		}
		return cause.getMessage();
	}

}
