/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.breaker.CircuitBreakerConfig.Builder;
import dev.breaker.CircuitBreakerConfig.SlidingWindowType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Tests for {@link CircuitBreakerConfig}: documented defaults, the builder and the
 * validation of every property.
 */
class CircuitBreakerConfigTests {

	@Test
	void defaultsAreTheDocumentedOnes() {
		CircuitBreakerConfig config = CircuitBreakerConfig.ofDefaults();
		assertThat(config.failureRateThreshold()).isEqualTo(50f);
		assertThat(config.slowCallRateThreshold()).isEqualTo(100f);
		assertThat(config.slowCallDurationThreshold()).isEqualTo(Duration.ofSeconds(60));
		assertThat(config.slidingWindowType()).isEqualTo(SlidingWindowType.COUNT_BASED);
		assertThat(config.slidingWindowSize()).isEqualTo(100);
		assertThat(config.minimumNumberOfCalls()).isEqualTo(100);
		assertThat(config.consecutiveFailuresThreshold()).isZero();
		assertThat(config.waitDurationInOpenState()).isEqualTo(Duration.ofSeconds(60));
		assertThat(config.waitDurationMultiplier()).isEqualTo(1.0);
		assertThat(config.maxWaitDurationInOpenState()).isEqualTo(Duration.ofSeconds(60));
		assertThat(config.permittedNumberOfCallsInHalfOpenState()).isEqualTo(10);
		assertThat(config.maxWaitDurationInHalfOpenState()).isZero();
		assertThat(config.recordExceptions()).isEmpty();
		assertThat(config.ignoreExceptions()).isEmpty();
		assertThat(config.shared()).isTrue();
		assertThat(CircuitBreakerConfig.builder().build()).isEqualTo(config);
	}

	@Test
	void theBuilderSetsEveryPropertyAndToBuilderCopiesThemAll() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.failureRateThreshold(25)
			.slowCallRateThreshold(80)
			.slowCallDurationThreshold(Duration.ofSeconds(2))
			.slidingWindowType(SlidingWindowType.TIME_BASED)
			.slidingWindowSize(30)
			.minimumNumberOfCalls(7)
			.consecutiveFailuresThreshold(5)
			.waitDurationInOpenState(Duration.ofSeconds(3))
			.waitDurationMultiplier(2.5)
			.maxWaitDurationInOpenState(Duration.ofSeconds(40))
			.permittedNumberOfCallsInHalfOpenState(4)
			.maxWaitDurationInHalfOpenState(Duration.ofSeconds(9))
			.recordExceptions(IOException.class)
			.ignoreExceptions(IllegalStateException.class)
			.shared(false)
			.build();
		assertThat(config).isEqualTo(new CircuitBreakerConfig(25, 80, Duration.ofSeconds(2),
				SlidingWindowType.TIME_BASED, 30, 7, 5, Duration.ofSeconds(3), 2.5, Duration.ofSeconds(40), 4,
				Duration.ofSeconds(9), List.of(IOException.class), List.of(IllegalStateException.class), false));
		assertThat(config.toBuilder().build()).isEqualTo(config);
		assertThat(config.toBuilder().failureRateThreshold(30).build().failureRateThreshold()).isEqualTo(30f);
	}

	@Test
	void theMaxWaitFollowsALongerWaitUnlessSet() {
		assertThat(CircuitBreakerConfig.builder()
			.waitDurationInOpenState(Duration.ofMinutes(5))
			.build()
			.maxWaitDurationInOpenState()).isEqualTo(Duration.ofMinutes(5));
		assertThat(CircuitBreakerConfig.builder()
			.waitDurationInOpenState(Duration.ofSeconds(5))
			.build()
			.maxWaitDurationInOpenState()).isEqualTo(Duration.ofSeconds(60));
	}

	@Test
	void copiesTheExceptionListsSoLaterChangesDoNotLeakIn() {
		List<Class<? extends Throwable>> record = new ArrayList<>(List.of(IOException.class));
		CircuitBreakerConfig config = CircuitBreakerConfig.builder().recordExceptions(record).build();
		record.add(IllegalStateException.class);
		assertThat(config.recordExceptions()).containsExactly(IOException.class);
		assertThat(CircuitBreakerConfig.builder()
			.recordExceptions((List<Class<? extends Throwable>>) null)
			.build()
			.recordExceptions()).isEmpty();
	}

	@ParameterizedTest(name = "{0} = {1}")
	@MethodSource("invalidValues")
	void rejectsAnInvalidValueNamingThePropertyTheValueAndTheRange(String property, String value,
			UnaryOperator<Builder> customizer, String allowed) {
		assertThatExceptionOfType(InvalidConfigException.class)
			.isThrownBy(() -> customizer.apply(CircuitBreakerConfig.builder()).build())
			.satisfies((ex) -> assertThat(ex.property()).isEqualTo(property))
			.satisfies((ex) -> assertThat(String.valueOf(ex.value())).isEqualTo(value))
			.satisfies((ex) -> assertThat(ex.allowed()).isEqualTo(allowed))
			.withMessage(property + " must be " + allowed + ", was " + value);
	}

	static Stream<Arguments> invalidValues() {
		return Stream.of(
				invalid("failureRateThreshold", "0.0", (b) -> b.failureRateThreshold(0), "between 1 and 100 (percent)"),
				invalid("failureRateThreshold", "100.5", (b) -> b.failureRateThreshold(100.5f),
						"between 1 and 100 (percent)"),
				invalid("failureRateThreshold", "NaN", (b) -> b.failureRateThreshold(Float.NaN),
						"between 1 and 100 (percent)"),
				invalid("slowCallRateThreshold", "0.5", (b) -> b.slowCallRateThreshold(0.5f),
						"between 1 and 100 (percent)"),
				invalid("slowCallRateThreshold", "101.0", (b) -> b.slowCallRateThreshold(101),
						"between 1 and 100 (percent)"),
				invalid("slowCallDurationThreshold", "PT0S", (b) -> b.slowCallDurationThreshold(Duration.ZERO),
						"a positive duration"),
				invalid("slowCallDurationThreshold", "PT-1S",
						(b) -> b.slowCallDurationThreshold(Duration.ofSeconds(-1)), "a positive duration"),
				invalid("slowCallDurationThreshold", "null", (b) -> b.slowCallDurationThreshold(null),
						"a positive duration"),
				invalid("slidingWindowType", "null", (b) -> b.slidingWindowType(null), "COUNT_BASED or TIME_BASED"),
				invalid("slidingWindowSize", "0", (b) -> b.slidingWindowSize(0), "between 1 and 1000000 calls"),
				invalid("slidingWindowSize", "1000001", (b) -> b.slidingWindowSize(1_000_001),
						"between 1 and 1000000 calls"),
				invalid("slidingWindowSize", "86401",
						(b) -> b.slidingWindowType(SlidingWindowType.TIME_BASED).slidingWindowSize(86_401),
						"between 1 and 86400 seconds"),
				invalid("minimumNumberOfCalls", "0", (b) -> b.minimumNumberOfCalls(0), ">= 1"),
				invalid("consecutiveFailuresThreshold", "-1", (b) -> b.consecutiveFailuresThreshold(-1), ">= 0"),
				invalid("waitDurationInOpenState", "PT-0.001S", (b) -> b.waitDurationInOpenState(Duration.ofMillis(-1)),
						"a duration >= 0"),
				invalid("waitDurationInOpenState", "null", (b) -> b.waitDurationInOpenState(null), "a duration >= 0"),
				invalid("waitDurationMultiplier", "0.9", (b) -> b.waitDurationMultiplier(0.9),
						"a finite number >= 1.0"),
				invalid("waitDurationMultiplier", "Infinity", (b) -> b.waitDurationMultiplier(Double.POSITIVE_INFINITY),
						"a finite number >= 1.0"),
				invalid("waitDurationMultiplier", "NaN", (b) -> b.waitDurationMultiplier(Double.NaN),
						"a finite number >= 1.0"),
				invalid("maxWaitDurationInOpenState", "PT-1S",
						(b) -> b.maxWaitDurationInOpenState(Duration.ofSeconds(-1)), "a duration >= 0"),
				invalid("maxWaitDurationInOpenState", "PT5S",
						(b) -> b.waitDurationInOpenState(Duration.ofSeconds(10))
							.maxWaitDurationInOpenState(Duration.ofSeconds(5)),
						">= waitDurationInOpenState (PT10S)"),
				invalid("slowCallDurationThreshold", "PT8784H",
						(b) -> b.slowCallDurationThreshold(Duration.ofDays(366)), "a duration of at most 365 days"),
				invalid("waitDurationInOpenState", "PT8784H", (b) -> b.waitDurationInOpenState(Duration.ofDays(366)),
						"a duration of at most 365 days"),
				invalid("maxWaitDurationInOpenState", "PT8784H",
						(b) -> b.maxWaitDurationInOpenState(Duration.ofDays(366)), "a duration of at most 365 days"),
				invalid("maxWaitDurationInHalfOpenState", "PT8784H",
						(b) -> b.maxWaitDurationInHalfOpenState(Duration.ofDays(366)),
						"a duration of at most 365 days"),
				invalid("permittedNumberOfCallsInHalfOpenState", "0", (b) -> b.permittedNumberOfCallsInHalfOpenState(0),
						"between 1 and 1000000"),
				invalid("permittedNumberOfCallsInHalfOpenState", "1000001",
						(b) -> b.permittedNumberOfCallsInHalfOpenState(1_000_001), "between 1 and 1000000"),
				invalid("maxWaitDurationInHalfOpenState", "PT-1S",
						(b) -> b.maxWaitDurationInHalfOpenState(Duration.ofSeconds(-1)), "a duration >= 0"),
				invalid("maxWaitDurationInHalfOpenState", "null", (b) -> b.maxWaitDurationInHalfOpenState(null),
						"a duration >= 0"),
				invalid("recordExceptions", "[null]",
						(b) -> b.recordExceptions(Arrays.asList((Class<? extends Throwable>) null)),
						"a list of Throwable classes"),
				invalid("ignoreExceptions", "[null]",
						(b) -> b.ignoreExceptions(Arrays.asList((Class<? extends Throwable>) null)),
						"a list of Throwable classes"));
	}

	@Test
	void acceptsTheBoundsOfEachRange() {
		CircuitBreakerConfig config = CircuitBreakerConfig.builder()
			.failureRateThreshold(1)
			.slowCallRateThreshold(100)
			.slowCallDurationThreshold(Duration.ofNanos(1))
			.slidingWindowSize(1)
			.minimumNumberOfCalls(1)
			.waitDurationInOpenState(Duration.ZERO)
			.maxWaitDurationInOpenState(Duration.ZERO)
			.waitDurationMultiplier(1.0)
			.permittedNumberOfCallsInHalfOpenState(1)
			.build();
		assertThat(config.slidingWindowSize()).isOne();
	}

	@Test
	void theLongestDurationsWorkThroughEveryState() throws Exception {
		Duration year = Duration.ofDays(365);
		ManualTicker ticker = new ManualTicker(Long.MAX_VALUE - year.toNanos() / 2);
		CircuitBreaker breaker = CircuitBreaker.of("long",
				CircuitBreakerConfig.builder()
					.slidingWindowSize(1)
					.minimumNumberOfCalls(1)
					.permittedNumberOfCallsInHalfOpenState(1)
					.slowCallDurationThreshold(year)
					.waitDurationInOpenState(year)
					.waitDurationMultiplier(1000)
					.maxWaitDurationInOpenState(year)
					.maxWaitDurationInHalfOpenState(year)
					.build(),
				ticker);
		Outcomes.fail(breaker, 1);
		ticker.advance(year.minusNanos(1));
		assertThat(breaker.state()).isEqualTo(State.OPEN);
		ticker.advance(Duration.ofNanos(1));
		Outcomes.fail(breaker, 1);
		ticker.advance(year);
		Outcomes.succeedSlowly(breaker, 1, year.minusNanos(1));
		assertThat(breaker.state()).isEqualTo(State.CLOSED);
	}

	private static Arguments invalid(String property, String value, UnaryOperator<Builder> customizer, String allowed) {
		return arguments(property, value, customizer, allowed);
	}

}
