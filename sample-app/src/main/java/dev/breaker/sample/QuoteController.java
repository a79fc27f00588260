/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.util.concurrent.CompletableFuture;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Serves quotes: {@code GET /quotes/{symbol}} calls the guarded method, and {@code GET
 * /quotes/{symbol}/async} its asynchronous variant.
 */
@RestController
public class QuoteController {

	private final QuoteService quotes;

	public QuoteController(QuoteService quotes) {
		this.quotes = quotes;
	}

	@GetMapping("/quotes/{symbol}")
	public Quote quote(@PathVariable String symbol) {
		return this.quotes.quote(symbol);
	}

	@GetMapping("/quotes/{symbol}/async")
	public CompletableFuture<Quote> quoteAsync(@PathVariable String symbol) {
		return this.quotes.quoteAsync(symbol);
	}

	@ExceptionHandler(QuoteUnavailableException.class)
	ProblemDetail unavailable(QuoteUnavailableException ex) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, ex.getMessage());
	}

	@ExceptionHandler(DownstreamException.class)
	ProblemDetail downstreamFailed(DownstreamException ex) {
		// Only reached with breaker.enabled=false: otherwise the fallback answers.
		return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
	}

}
