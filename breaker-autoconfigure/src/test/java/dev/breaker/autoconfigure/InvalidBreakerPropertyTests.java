/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class InvalidBreakerPropertyTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BreakerAutoConfiguration.class));

	@Test
	void anInvalidInstanceValueNamesTheInstancePathTheValueAndTheRange() {
		assertThat(analyze("breaker.instances.payments.failure-rate-threshold=0").getDescription())
			.isEqualTo("Invalid value '0' for property 'breaker.instances.payments.failure-rate-threshold'.");
		assertThat(analyze("breaker.instances.payments.failure-rate-threshold=101").getAction())
			.isEqualTo("Update your application's configuration: breaker.instances.payments.failure-rate-threshold "
					+ "must be between 1 and 100 (percent).");
	}

	@Test
	void anInvalidDefaultIsReportedUnderDefaultsEvenWhenAnInstanceInheritsIt() {
		FailureAnalysis analysis = analyze("breaker.defaults.sliding-window-size=0",
				"breaker.instances.payments.failure-rate-threshold=25");
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value '0' for property 'breaker.defaults.sliding-window-size'.");
		assertThat(analysis.getAction()).endsWith("must be between 1 and 1000000 calls.");
	}

	@Test
	void aDurationIsShownAsWrittenAndRelatedPropertiesInKebabCase() {
		FailureAnalysis analysis = analyze("breaker.instances.payments.wait-duration-in-open-state=30s",
				"breaker.instances.payments.max-wait-duration-in-open-state=10s");
		assertThat(analysis.getDescription()).isEqualTo(
				"Invalid value '10s' for property 'breaker.instances.payments.max-wait-duration-in-open-state'.");
		assertThat(analysis.getAction()).endsWith("must be >= wait-duration-in-open-state (30s).");
	}

	@Test
	void anUnknownExceptionClassNamesTheListElement() {
		FailureAnalysis analysis = analyze(
				"breaker.instances.payments.record-exceptions=java.io.IOException,com.example.NoSuchException");
		assertThat(analysis.getDescription()).isEqualTo("Invalid value 'com.example.NoSuchException' for property "
				+ "'breaker.instances.payments.record-exceptions[1]'.");
		assertThat(analysis.getAction()).endsWith("must be the name of a Throwable class on the classpath.");
	}

	@Test
	void aClassThatIsNotAThrowableIsRejected() {
		FailureAnalysis analysis = analyze("breaker.defaults.ignore-exceptions=java.lang.String");
		assertThat(analysis.getDescription())
			.isEqualTo("Invalid value 'java.lang.String' for property 'breaker.defaults.ignore-exceptions[0]'.");
		assertThat(analysis.getAction()).endsWith("must be a Throwable class, not a java.lang.String.");
	}

	@Test
	void bootsFailureReportShowsThePropertyPathValueAndRange(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		assertThatException().isThrownBy(() -> application.run("--spring.main.banner-mode=off",
				"--spring.main.web-application-type=none", "--breaker.instances.payments.failure-rate-threshold=0"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Invalid value '0' for property 'breaker.instances.payments.failure-rate-threshold'.")
			.contains("breaker.instances.payments.failure-rate-threshold must be between 1 and 100 (percent).");
	}

	private FailureAnalysis analyze(String... properties) {
		FailureAnalysis[] analysis = new FailureAnalysis[1];
		this.runner.withPropertyValues(properties).run((context) -> {
			assertThat(context).hasFailed();
			analysis[0] = new InvalidBreakerPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		});
		assertThat(analysis[0]).isNotNull();
		return analysis[0];
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(BreakerAutoConfiguration.class)
	static class Application {

	}

}
