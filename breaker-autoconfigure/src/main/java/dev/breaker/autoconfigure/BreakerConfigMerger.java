/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.breaker.CircuitBreakerConfig;
import dev.breaker.InvalidConfigException;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Merges an instance's properties over the defaults into a core
 * {@link CircuitBreakerConfig}, remembering where each value came from so that an invalid
 * one is reported under the path the user wrote.
 */
final class BreakerConfigMerger {

	private static final String DEFAULTS = "breaker.defaults";

	private static final Pattern CAMEL_CASE = Pattern.compile("\\b[a-z]+(?:[A-Z][a-z0-9]*)+\\b");

	private static final Pattern ISO_DURATION = Pattern.compile("\\bPT[0-9.HMS]+\\b");

	private final @Nullable ClassLoader classLoader;

	private final CircuitBreakerConfig.Builder builder = CircuitBreakerConfig.builder();

	/** Property (camelCase) to the prefix of the block that set it. */
	private final Map<String, String> sources = new HashMap<>();

	BreakerConfigMerger(@Nullable ClassLoader classLoader) {
		this.classLoader = classLoader;
	}

	CircuitBreakerConfig merge(InstanceProperties defaults, @Nullable String name,
			@Nullable InstanceProperties instance) {
		apply(defaults, DEFAULTS);
		if (instance != null) {
			apply(instance, "breaker.instances." + name);
		}
		try {
			return this.builder.build();
		}
		catch (InvalidConfigException ex) {
			String source = this.sources.getOrDefault(ex.property(), DEFAULTS);
			throw new InvalidBreakerPropertyException(source + "." + kebab(ex.property()), display(ex.value()),
					kebabWords(ex.allowed()), ex);
		}
	}

	private void apply(InstanceProperties block, String prefix) {
		CircuitBreakerConfig.Builder b = this.builder;
		set(prefix, "failureRateThreshold", block.getFailureRateThreshold(), b::failureRateThreshold);
		set(prefix, "slowCallRateThreshold", block.getSlowCallRateThreshold(), b::slowCallRateThreshold);
		set(prefix, "slowCallDurationThreshold", block.getSlowCallDurationThreshold(), b::slowCallDurationThreshold);
		set(prefix, "slidingWindowType", block.getSlidingWindowType(), b::slidingWindowType);
		set(prefix, "slidingWindowSize", block.getSlidingWindowSize(), b::slidingWindowSize);
		set(prefix, "minimumNumberOfCalls", block.getMinimumNumberOfCalls(), b::minimumNumberOfCalls);
		set(prefix, "consecutiveFailuresThreshold", block.getConsecutiveFailuresThreshold(),
				b::consecutiveFailuresThreshold);
		set(prefix, "waitDurationInOpenState", block.getWaitDurationInOpenState(), b::waitDurationInOpenState);
		set(prefix, "waitDurationMultiplier", block.getWaitDurationMultiplier(), b::waitDurationMultiplier);
		set(prefix, "maxWaitDurationInOpenState", block.getMaxWaitDurationInOpenState(), b::maxWaitDurationInOpenState);
		set(prefix, "permittedNumberOfCallsInHalfOpenState", block.getPermittedNumberOfCallsInHalfOpenState(),
				b::permittedNumberOfCallsInHalfOpenState);
		set(prefix, "maxWaitDurationInHalfOpenState", block.getMaxWaitDurationInHalfOpenState(),
				b::maxWaitDurationInHalfOpenState);
		set(prefix, "recordExceptions", classes(prefix + ".record-exceptions", block.getRecordExceptions()),
				b::recordExceptions);
		set(prefix, "ignoreExceptions", classes(prefix + ".ignore-exceptions", block.getIgnoreExceptions()),
				b::ignoreExceptions);
		set(prefix, "shared", block.getShared(), b::shared);
	}

	private <T> void set(String prefix, String property, @Nullable T value, Consumer<T> setter) {
		if (value != null) {
			setter.accept(value);
			this.sources.put(property, prefix);
		}
	}

	private @Nullable List<Class<? extends Throwable>> classes(String property, @Nullable List<String> names) {
		if (names == null) {
			return null;
		}
		List<Class<? extends Throwable>> classes = new ArrayList<>(names.size());
		for (int i = 0; i < names.size(); i++) {
			String name = names.get(i).trim();
			String path = property + "[" + i + "]";
			Class<?> type;
			try {
				type = ClassUtils.forName(name, this.classLoader);
			}
			catch (ClassNotFoundException | LinkageError ex) {
				throw new InvalidBreakerPropertyException(path, name, "the name of a Throwable class on the classpath",
						ex);
			}
			if (!Throwable.class.isAssignableFrom(type)) {
				throw new InvalidBreakerPropertyException(path, name, "a Throwable class, not a " + type.getName(),
						null);
			}
			classes.add(type.asSubclass(Throwable.class));
		}
		return classes;
	}

	static String kebab(String camelCase) {
		StringBuilder kebab = new StringBuilder(camelCase.length() + 8);
		for (int i = 0; i < camelCase.length(); i++) {
			char c = camelCase.charAt(i);
			if (Character.isUpperCase(c)) {
				kebab.append('-').append(Character.toLowerCase(c));
			}
			else {
				kebab.append(c);
			}
		}
		return kebab.toString();
	}

	// Core explains a range with its own names and ISO durations (">=
	// waitDurationInOpenState
	// (PT30S)"); a user wrote kebab case and "30s".
	private static String kebabWords(String text) {
		String kebab = replace(CAMEL_CASE, text, BreakerConfigMerger::kebab);
		return replace(ISO_DURATION, kebab, (iso) -> (String) display(Duration.parse(iso)));
	}

	private static String replace(Pattern pattern, String text, UnaryOperator<String> replacer) {
		Matcher matcher = pattern.matcher(text);
		StringBuilder result = new StringBuilder();
		while (matcher.find()) {
			matcher.appendReplacement(result, Matcher.quoteReplacement(replacer.apply(matcher.group())));
		}
		matcher.appendTail(result);
		return result.toString();
	}

	private static @Nullable Object display(@Nullable Object value) {
		if (value instanceof Duration duration) {
			return simple(duration);
		}
		if (value instanceof Float number && number == Math.rint(number)) {
			return number.intValue();
		}
		return value;
	}

	private static String simple(Duration duration) {
		long nanos = duration.toNanos();
		String[] units = { "d", "h", "m", "s", "ms", "us" };
		long[] sizes = { 86_400_000_000_000L, 3_600_000_000_000L, 60_000_000_000L, 1_000_000_000L, 1_000_000L, 1_000L };
		for (int i = 0; i < units.length; i++) {
			if (nanos != 0 && nanos % sizes[i] == 0) {
				return (nanos / sizes[i]) + units[i];
			}
		}
		return (nanos == 0) ? "0s" : nanos + "ns";
	}

}
