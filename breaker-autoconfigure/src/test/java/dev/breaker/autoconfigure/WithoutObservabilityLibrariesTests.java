/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Starts an application on the test class path minus every Micrometer, Actuator and
 * health jar, as a user without them would have it. A {@code FilteredClassLoader} cannot
 * prove this alone: it hides classes but not the annotations already read by reflection.
 */
class WithoutObservabilityLibrariesTests {

	private static final Pattern OBSERVABILITY_JAR = Pattern
		.compile(".*/(micrometer-[^/]*|prometheus-[^/]*|spring-boot-(actuator|health|micrometer)[^/]*)\\.jar");

	@Test
	void startsAndGuardsWithoutMicrometerOrActuator() throws Exception {
		List<URL> urls = new ArrayList<>();
		int removed = 0;
		for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
			String path = entry.replace(File.separatorChar, '/');
			if (OBSERVABILITY_JAR.matcher(path).matches()) {
				removed++;
			}
			else {
				urls.add(toUrl(entry));
			}
		}
		assertThat(removed).as("observability jars removed from " + urls).isGreaterThanOrEqualTo(5);
		try (URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new),
				ClassLoader.getPlatformClassLoader())) {
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("io.micrometer.core.instrument.MeterRegistry"));
			assertThatExceptionOfType(ClassNotFoundException.class)
				.isThrownBy(() -> loader.loadClass("org.springframework.boot.health.contributor.HealthIndicator"));
			Thread thread = Thread.currentThread();
			ClassLoader previous = thread.getContextClassLoader();
			thread.setContextClassLoader(loader);
			try {
				Method run = loader.loadClass(NoObservabilityApplication.class.getName()).getDeclaredMethod("run");
				run.setAccessible(true);
				@SuppressWarnings("unchecked")
				List<String> result = (List<String>) run.invoke(null);
				assertThat(result).anySatisfy((type) -> assertThat(type).contains("CircuitBreakerRegistry"))
					.noneSatisfy((type) -> assertThat(type).containsAnyOf("BreakerMeterBinder", "BreakersEndpoint",
							"BreakersHealthIndicator"))
					.endsWith("FORCED_OPEN");
			}
			finally {
				thread.setContextClassLoader(previous);
			}
		}
	}

	private static URL toUrl(String entry) {
		try {
			return new File(entry).toURI().toURL();
		}
		catch (MalformedURLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
