/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * An application that {@link WithoutObservabilityLibrariesTests} starts in a class loader
 * without Micrometer and Actuator; it talks back in strings only, which both class
 * loaders share.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class NoObservabilityApplication {

	/**
	 * Start the application, use a breaker, and describe what the context holds.
	 * @return the class names of every bean, then the state of breaker "payments"
	 */
	static List<String> run() {
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(NoObservabilityApplication.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "management.endpoints.web.exposure.include=*",
					"breaker.instances.payments.failure-rate-threshold=25")
			.run()) {
			CircuitBreakerRegistry breakers = context.getBean(CircuitBreakerRegistry.class);
			breakers.find("payments").orElseThrow().transitionTo(State.FORCED_OPEN);
			List<String> beanTypes = Arrays.stream(context.getBeanDefinitionNames())
				.map((name) -> String.valueOf(context.getType(name)))
				.toList();
			return Stream.concat(beanTypes.stream(), Stream.of(breakers.breaker("payments").state().name())).toList();
		}
	}

}
