/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;

import dev.breaker.aop.GuardedServices.PlainService;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Core logs each transition through {@code System.Logger}; in a Boot application that
 * line reaches Boot's logging exactly once, and the starter adds no second one.
 */
@ExtendWith(OutputCaptureExtension.class)
class TransitionLoggingTests {

	@Test
	void eachTransitionIsLoggedOnceThroughBootsLogging(CapturedOutput output) {
		// A context of its own: Boot installs the System.Logger (JUL) bridge when an
		// application starts and removes it when one stops.
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(LoggingApplication.class)
			.properties("spring.main.banner-mode=off", "spring.main.web-application-type=none",
					"breaker.instances.plain.sliding-window-size=2",
					"breaker.instances.plain.minimum-number-of-calls=2")
			.run()) {
			PlainService service = context.getBean(PlainService.class);
			service.failWith(new IOException("down"));
			assertThatIOException().isThrownBy(service::get);
			assertThatIOException().isThrownBy(service::get);
		}
		String transition = "Circuit breaker 'plain' CLOSED -> OPEN: failure rate 100% >= 50% over 2 calls";
		assertThat(output.getOut().lines().filter((line) -> line.contains(transition))).singleElement()
			.satisfies((line) -> assertThat(line).contains(" WARN ").contains("dev.breaker.CircuitBreaker"));
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, BreakerAutoConfiguration.class })
	static class LoggingApplication {

		@Bean
		PlainService plainService() {
			return new PlainService();
		}

	}

}
