/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.annotation.CircuitGuarded;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.aop.support.AopUtils;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CircuitGuardedAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BreakerAutoConfiguration.class))
		.withBean(Guarded.class);

	@Test
	void guardsAnnotatedBeansByDefaultAfterRetryAdviceAndBeforeTransactionAdvice() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(CircuitGuardedAdvisor.class).hasSingleBean(GuardedMethods.class);
			assertThat(context.getBean(CircuitGuardedAdvisor.class).getOrder())
				.isEqualTo(Ordered.LOWEST_PRECEDENCE - 2);
			assertThat(AopUtils.isAopProxy(context.getBean(Guarded.class))).isTrue();
		});
	}

	@Test
	void everyBreakerAnAnnotationNamesExistsRightAfterStartup() {
		this.runner.run((context) -> assertThat(context.getBean(CircuitBreakerRegistry.class).all())
			.extracting(CircuitBreaker::name)
			.containsExactly("guarded"));
	}

	@Test
	void takesTheAdvisorOrderFromTheProperty() {
		this.runner.withPropertyValues("breaker.aspect-order=42")
			.run((context) -> assertThat(context.getBean(CircuitGuardedAdvisor.class).getOrder()).isEqualTo(42));
	}

	@Test
	void disabledRemovesTheAdviceOnlyAndKeepsTheRegistryAndTheStartupChecks() {
		this.runner.withPropertyValues("breaker.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(CircuitGuardedAdvisor.class)
				.hasSingleBean(GuardedMethods.class)
				.hasSingleBean(CircuitBreakerRegistry.class);
			assertThat(context.getBean(CircuitBreakerRegistry.class).find("guarded")).isPresent();
			Guarded guarded = context.getBean(Guarded.class);
			assertThat(AopUtils.isAopProxy(guarded)).isFalse();
			context.getBean(CircuitBreakerRegistry.class).breaker("guarded").transitionTo(State.FORCED_OPEN);
			assertThat(guarded.call()).isEqualTo("called");
		});
	}

	@Test
	void backsOffWhenTheUserDefinesTheAdvisor() {
		this.runner.withUserConfiguration(UserAdvisor.class).run((context) -> {
			assertThat(context).hasSingleBean(CircuitGuardedAdvisor.class);
			assertThat(context.getBean(CircuitGuardedAdvisor.class).getOrder()).isEqualTo(7);
		});
	}

	@Test
	void worksWithoutReactorOnTheClasspath() {
		this.runner.withClassLoader(new FilteredClassLoader(Mono.class)).run((context) -> {
			assertThat(context.getBean(GuardedMethods.class).supportsReactor()).isFalse();
			context.getBean(CircuitBreakerRegistry.class).breaker("guarded").transitionTo(State.FORCED_OPEN);
			assertThatExceptionOfType(CallNotPermittedException.class)
				.isThrownBy(() -> context.getBean(Guarded.class).call());
		});
	}

	@Test
	void worksWithoutAspectJBecauseTheAdvisorIsInfrastructure() {
		this.runner.withClassLoader(new FilteredClassLoader("org.aspectj")).run((context) -> {
			context.getBean(CircuitBreakerRegistry.class).breaker("guarded").transitionTo(State.FORCED_OPEN);
			assertThatExceptionOfType(CallNotPermittedException.class)
				.isThrownBy(() -> context.getBean(Guarded.class).call());
		});
	}

	@Test
	void supportsReactorWhenItIsPresent() {
		this.runner.run((context) -> assertThat(context.getBean(GuardedMethods.class).supportsReactor()).isTrue());
	}

	// Public: the FilteredClassLoader test defines its proxy in another class loader.
	public static class Guarded {

		@CircuitGuarded("guarded")
		public String call() {
			return "called";
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserAdvisor {

		@Bean
		CircuitGuardedAdvisor userCircuitGuardedAdvisor() {
			return new CircuitGuardedAdvisor(new CircuitGuardedInterceptor(() -> null), 7);
		}

	}

}
