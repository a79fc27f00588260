/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The sample quote service: a flaky downstream behind {@code @CircuitGuarded} methods,
 * demo load that makes the breakers trip and recover, and a live page at {@code /}.
 */
@SpringBootApplication
@EnableConfigurationProperties(DemoProperties.class)
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
