/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata an IDE reads to complete and document {@code breaker.*} keys.
 */
class ConfigurationMetadataTests {

	private static final List<String> KEYS = List.of("breaker.enabled", "breaker.strict", "breaker.aspect-order",
			"breaker.instances", "breaker.store.type", "breaker.store.redis.key-prefix",
			"breaker.store.redis.sync-interval", "breaker.store.redis.min-failing-instances",
			"breaker.store.redis.on-store-failure", "breaker.health.status-when-open");

	private static final List<String> INSTANCE_KEYS = List.of("failure-rate-threshold", "slow-call-rate-threshold",
			"slow-call-duration-threshold", "sliding-window-type", "sliding-window-size", "minimum-number-of-calls",
			"consecutive-failures-threshold", "wait-duration-in-open-state", "wait-duration-multiplier",
			"max-wait-duration-in-open-state", "permitted-number-of-calls-in-half-open-state",
			"max-wait-duration-in-half-open-state", "record-exceptions", "ignore-exceptions", "shared");

	@Test
	void documentsEveryKeyWithADescription() throws Exception {
		Map<String, Map<String, Object>> properties = properties();
		List<String> expected = new ArrayList<>(KEYS);
		INSTANCE_KEYS.forEach((key) -> expected.add("breaker.defaults." + key));
		assertThat(properties).containsOnlyKeys(expected);
		properties.forEach((name,
				property) -> assertThat(property.get("description")).as(name).asString().isNotBlank().endsWith("."));
	}

	@Test
	void showsTheDefaultOfEveryDefaultsKey() throws Exception {
		Map<String, Map<String, Object>> properties = properties();
		assertThat(properties.get("breaker.defaults.failure-rate-threshold")).containsEntry("defaultValue", 50);
		assertThat(properties.get("breaker.defaults.wait-duration-in-open-state")).containsEntry("defaultValue", "60s");
		assertThat(properties.get("breaker.store.redis.sync-interval")).containsEntry("defaultValue", "100ms");
		assertThat(properties.get("breaker.health.status-when-open")).containsEntry("defaultValue", "UP");
		INSTANCE_KEYS.forEach(
				(key) -> assertThat(properties.get("breaker.defaults." + key)).as(key).containsKey("defaultValue"));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> properties() throws Exception {
		try (InputStream json = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			List<Map<String, Object>> properties = JsonPath.parse(json).read("$.properties", List.class);
			return properties.stream()
				.filter((property) -> ((String) property.get("name")).startsWith("breaker."))
				.collect(Collectors.toMap((property) -> (String) property.get("name"), Function.identity()));
		}
	}

}
