/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import dev.breaker.CircuitBreakerConfig.Builder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for how {@code record-exceptions} and {@code ignore-exceptions} classify what a
 * call throws, and for exceptions passing through unchanged.
 */
class ExceptionClassificationTests {

	@Test
	void countsEveryExceptionAsAFailureByDefault() {
		CircuitBreaker breaker = breaker(UnaryOperator.identity());
		throwFrom(breaker, new IOException("checked"));
		throwFrom(breaker, new IllegalStateException("unchecked"));
		throwFrom(breaker, new AssertionError("error"));
		assertThat(breaker.metrics().failedCalls()).isEqualTo(3);
		assertThat(breaker.metrics().failedCallsTotal()).isEqualTo(3);
	}

	@Test
	void countsOnlyRecordedExceptionsAndTheirSubclassesAsFailures() {
		CircuitBreaker breaker = breaker((b) -> b.recordExceptions(IOException.class));
		throwFrom(breaker, new IOException("listed"));
		throwFrom(breaker, new FileNotFoundException("subclass"));
		throwFrom(breaker, new IllegalArgumentException("not listed"));
		CircuitBreakerMetrics metrics = breaker.metrics();
		assertThat(metrics.failedCalls()).isEqualTo(2);
		assertThat(metrics.bufferedCalls()).isEqualTo(3);
		assertThat(metrics.successfulCalls()).isEqualTo(1);
	}

	@Test
	void countsIgnoredExceptionsAndTheirSubclassesNeitherWay() {
		CircuitBreaker breaker = breaker((b) -> b.ignoreExceptions(RuntimeException.class));
		throwFrom(breaker, new IllegalStateException("subclass"));
		throwFrom(breaker, new UncheckedIOException(new IOException("subclass")));
		CircuitBreakerMetrics metrics = breaker.metrics();
		assertThat(metrics.bufferedCalls()).isZero();
		assertThat(metrics.successfulCalls()).isZero();
		assertThat(metrics.failedCallsTotal()).isZero();
		assertThat(metrics.ignoredCalls()).isEqualTo(2);
	}

	@Test
	void ignoreWinsOverRecord() {
		CircuitBreaker breaker = breaker(
				(b) -> b.recordExceptions(IOException.class).ignoreExceptions(FileNotFoundException.class));
		throwFrom(breaker, new FileNotFoundException("both"));
		throwFrom(breaker, new IOException("recorded"));
		assertThat(breaker.metrics().ignoredCalls()).isEqualTo(1);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
	}

	@Test
	void anIgnoredCallDoesNotBreakARunOfFailures() {
		CircuitBreaker breaker = breaker(
				(b) -> b.consecutiveFailuresThreshold(2).ignoreExceptions(IllegalStateException.class));
		throwFrom(breaker, new IOException("first"));
		throwFrom(breaker, new IllegalStateException("ignored"));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
		throwFrom(breaker, new IOException("second"));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
	}

	@Test
	void anExceptionThatCountsAsASuccessBreaksARunOfFailures() {
		CircuitBreaker breaker = breaker((b) -> b.consecutiveFailuresThreshold(2).recordExceptions(IOException.class));
		throwFrom(breaker, new IOException("first"));
		throwFrom(breaker, new IllegalArgumentException("a success"));
		throwFrom(breaker, new IOException("second"));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	@Test
	void callPropagatesTheExactExceptionItCaught() {
		CircuitBreaker breaker = breaker(UnaryOperator.identity());
		IOException checked = new IOException("checked");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> breaker.call(() -> {
			throw checked;
		})).isSameAs(checked);
		AssertionError error = new AssertionError("error");
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> breaker.call(() -> {
			throw error;
		})).isSameAs(error);
	}

	@Test
	void runPropagatesTheExactExceptionItCaught() {
		CircuitBreaker breaker = breaker(UnaryOperator.identity());
		IllegalStateException unchecked = new IllegalStateException("unchecked");
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> breaker.run(() -> {
			throw unchecked;
		})).isSameAs(unchecked);
		assertThat(breaker.metrics().failedCalls()).isEqualTo(1);
	}

	@Test
	void callReturnsTheResultAndRecordsASuccess() throws Exception {
		CircuitBreaker breaker = breaker(UnaryOperator.identity());
		assertThat(breaker.call(() -> "result")).isEqualTo("result");
		assertThat(breaker.metrics().successfulCalls()).isEqualTo(1);
		assertThat(breaker.metrics().bufferedCalls()).isEqualTo(1);
	}

	private static void throwFrom(CircuitBreaker breaker, Throwable error) {
		assertThatExceptionOfType(Throwable.class).isThrownBy(() -> breaker.call(() -> {
			if (error instanceof Exception exception) {
				throw exception;
			}
			throw (Error) error;
		})).isSameAs(error);
	}

	private static CircuitBreaker breaker(UnaryOperator<Builder> customizer) {
		Builder builder = CircuitBreakerConfig.builder().slidingWindowSize(10).minimumNumberOfCalls(10);
		return CircuitBreaker.of("test", customizer.apply(builder).build(), new ManualTicker());
	}

}
