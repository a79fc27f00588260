/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks every auto-configuration listed in the imports file: it exists, it is annotated,
 * and each class it names by string in {@code afterName} or {@code beforeName} resolves
 * (such strings go stale silently when Spring Boot moves a class).
 */
class AutoConfigurationImportsTests {

	private final ClassLoader classLoader = getClass().getClassLoader();

	@Test
	void everyListedAutoConfigurationNamesOnlyClassesThatExist() throws Exception {
		List<String> imports = new ArrayList<>();
		ImportCandidates.load(AutoConfiguration.class, this.classLoader).forEach(imports::add);
		List<String> ours = imports.stream().filter((name) -> name.startsWith("dev.breaker.")).toList();
		assertThat(ours).contains("dev.breaker.autoconfigure.metrics.BreakerMetricsAutoConfiguration",
				"dev.breaker.autoconfigure.endpoint.BreakerEndpointAutoConfiguration");
		for (String name : ours) {
			AutoConfiguration annotation = ClassUtils.forName(name, this.classLoader)
				.getAnnotation(AutoConfiguration.class);
			assertThat(annotation).as(name).isNotNull();
			for (String named : concat(annotation.afterName(), annotation.beforeName())) {
				assertThat(ClassUtils.isPresent(named, this.classLoader)).as(name + " names " + named).isTrue();
			}
		}
	}

	private static List<String> concat(String[] first, String[] second) {
		List<String> all = new ArrayList<>(List.of(first));
		all.addAll(List.of(second));
		return all;
	}

}
