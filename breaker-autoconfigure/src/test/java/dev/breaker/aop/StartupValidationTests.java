/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

import dev.breaker.annotation.CircuitGuarded;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class StartupValidationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BreakerAutoConfiguration.class));

	@Test
	void aFallbackNameWithoutAMethodNamesTheClassMethodAndExpectedSignatures() {
		CircuitGuardedException ex = startupFailure(MissingFallback.class);
		assertThat(ex.description()).isEqualTo("@CircuitGuarded(value = \"payments\", fallback = \"cachedPrice\") on "
				+ MissingFallback.class.getName() + ".price(String, int) names no compatible fallback method in "
				+ MissingFallback.class.getName() + " (there is no method of that name).");
		assertThat(ex.action()).startsWith("Declare in " + MissingFallback.class.getName()
				+ " a method with the expected signature Long cachedPrice(String, int) or "
				+ "Long cachedPrice(String, int, Throwable)");
	}

	@Test
	void aFallbackOfAMethodInheritedFromAGenericTypeMatchesTheTargetsOwnSignature() {
		// the scan also meets Repository.find(Object), the erased signature; the fallback
		// must be checked against the signature the target class declares
		this.runner.withUserConfiguration(GenericRepository.class).run((context) -> {
			assertThat(context).hasNotFailed();
			GenericRepository repository = context.getBean(GenericRepository.class);
			assertThat(repository.find("a")).isEqualTo("cached:a:down");
		});
	}

	@Test
	void aFallbackWithTheWrongSignatureIsListedAsFound() {
		CircuitGuardedException ex = startupFailure(IncompatibleFallback.class);
		assertThat(ex.description())
			.endsWith("names no compatible fallback method in " + IncompatibleFallback.class.getName()
					+ "; found incompatible Long cachedPrice(Integer), Long cachedPrice(String, String), "
					+ "String cachedPrice(String).");
		assertThat(ex.action()).contains("CompletableFuture cachedPrice(String)");
	}

	@Test
	void aPrivateAnnotatedMethodIsNamed() {
		CircuitGuardedException ex = startupFailure(PrivateMethod.class);
		assertThat(ex.description()).isEqualTo("@CircuitGuarded method " + PrivateMethod.class.getName()
				+ ".hidden() is private, so the proxy cannot intercept it and it would run unguarded.");
	}

	@Test
	void aFinalAnnotatedMethodIsNamed() {
		assertThat(startupFailure(FinalMethod.class).description())
			.startsWith("@CircuitGuarded method " + FinalMethod.class.getName() + ".fixed() is final");
	}

	@Test
	void aStaticAnnotatedMethodIsNamed() {
		assertThat(startupFailure(StaticMethod.class).description())
			.startsWith("@CircuitGuarded method " + StaticMethod.class.getName() + ".utility() is static");
	}

	@Test
	void aPublicFinalMethodOfAGuardedTypeIsNamed() {
		assertThat(startupFailure(GuardedTypeWithFinalMethod.class).description())
			.startsWith("@CircuitGuarded method " + GuardedTypeWithFinalMethod.class.getName() + ".fixed() is final");
	}

	@Test
	void strictModeRejectsANameThatIsNotConfigured() {
		this.runner.withUserConfiguration(Payments.class)
			.withPropertyValues("breaker.strict=true", "breaker.instances.paymnts.failure-rate-threshold=25")
			.run((context) -> {
				CircuitGuardedException ex = cause(context.getStartupFailure());
				assertThat(ex.description())
					.isEqualTo("Circuit breaker 'payments' named by @CircuitGuarded on " + Payments.class.getName()
							+ ".pay() is not configured under breaker.instances, " + "and breaker.strict is true.");
				assertThat(ex.action()).isEqualTo("Configure breaker.instances.payments, or use one of the "
						+ "configured names [paymnts], or set breaker.strict=false.");
			});
	}

	@Test
	void strictModeAcceptsAConfiguredName() {
		this.runner.withUserConfiguration(Payments.class)
			.withPropertyValues("breaker.strict=true", "breaker.instances.payments.failure-rate-threshold=25")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void configuredInstancesThatNoAnnotationUsesAreReportedInOneWarnLine(CapturedOutput output) {
		this.runner.withUserConfiguration(Payments.class)
			.withPropertyValues("breaker.instances.payments.failure-rate-threshold=25",
					"breaker.instances.paymnts.failure-rate-threshold=25",
					"breaker.instances.stock.failure-rate-threshold=25")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("used by no @CircuitGuarded")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("WARN").endsWith("(a typo?): [paymnts, stock]"));
	}

	@Test
	void bootsFailureReportShowsTheDescriptionAndTheAction(CapturedOutput output) {
		SpringApplication application = new SpringApplication(Application.class);
		assertThatException().isThrownBy(
				() -> application.run("--spring.main.banner-mode=off", "--spring.main.web-application-type=none"));
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("@CircuitGuarded method " + PrivateMethod.class.getName() + ".hidden() is private")
			.contains("Action:")
			.contains("Make " + PrivateMethod.class.getName() + ".hidden() a non-private, non-final, non-static");
	}

	private CircuitGuardedException startupFailure(Class<?> configuration) {
		CircuitGuardedException[] failure = new CircuitGuardedException[1];
		this.runner.withUserConfiguration(configuration)
			.run((context) -> failure[0] = cause(context.getStartupFailure()));
		return failure[0];
	}

	private static CircuitGuardedException cause(Throwable failure) {
		for (Throwable ex = failure; ex != null; ex = ex.getCause()) {
			if (ex instanceof CircuitGuardedException guarded) {
				return guarded;
			}
		}
		throw new AssertionError("No CircuitGuardedException in " + failure, failure);
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ AopAutoConfiguration.class, BreakerAutoConfiguration.class })
	static class Application {

		@Bean
		PrivateMethod privateMethod() {
			return new PrivateMethod();
		}

	}

	abstract static class Repository<T> {

		public abstract T find(T id);

	}

	@Configuration(proxyBeanMethods = false)
	static class GenericRepository extends Repository<String> {

		@Override
		@CircuitGuarded(value = "repository", fallback = "cached")
		public String find(String id) {
			throw new IllegalStateException("down");
		}

		String cached(String id, IllegalStateException failure) {
			return "cached:" + id + ":" + failure.getMessage();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MissingFallback {

		@CircuitGuarded(value = "payments", fallback = "cachedPrice")
		public Long price(String item, int quantity) {
			return 1L;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class IncompatibleFallback {

		@CircuitGuarded(value = "payments", fallback = "cachedPrice")
		public CompletableFuture<Long> price(String item) {
			return CompletableFuture.completedFuture(1L);
		}

		String cachedPrice(String item) {
			return item;
		}

		Long cachedPrice(Integer item) {
			return 1L;
		}

		Long cachedPrice(String item, String notAThrowable) {
			return 1L;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class PrivateMethod {

		@CircuitGuarded("payments")
		private void hidden() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class FinalMethod {

		@CircuitGuarded("payments")
		public final void fixed() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class StaticMethod {

		@CircuitGuarded("payments")
		public static void utility() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	@CircuitGuarded("payments")
	static class GuardedTypeWithFinalMethod {

		public final void fixed() {
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Payments {

		@CircuitGuarded("payments")
		public void pay() throws IOException {
		}

	}

}
