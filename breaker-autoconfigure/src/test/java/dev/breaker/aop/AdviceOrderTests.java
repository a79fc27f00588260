/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import dev.breaker.CallNotPermittedException;
import dev.breaker.CircuitBreaker;
import dev.breaker.CircuitBreakerRegistry;
import dev.breaker.State;
import dev.breaker.annotation.CircuitGuarded;
import dev.breaker.autoconfigure.BreakerAutoConfiguration;
import org.aopalliance.intercept.MethodInterceptor;
import org.junit.jupiter.api.Test;

import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.aop.AopAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.resilience.annotation.EnableResilientMethods;
import org.springframework.resilience.annotation.Retryable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Where the {@code @CircuitGuarded} advice sits among other advice, as the README says.
 */
class AdviceOrderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AopAutoConfiguration.class, BreakerAutoConfiguration.class))
		.withPropertyValues("breaker.defaults.minimum-number-of-calls=10");

	@Test
	void aRejectedCallNeverReachesAdviceAtTransactionalsOrder() {
		this.runner.withUserConfiguration(TransactionLikeAdvice.class).run((context) -> {
			List<String> entered = context.getBean(TransactionLikeAdvice.class).entered;
			Service service = context.getBean(Service.class);
			assertThatIOException().isThrownBy(service::call);
			assertThat(entered).containsExactly("transaction");
			breaker(context.getBean(CircuitBreakerRegistry.class)).transitionTo(State.FORCED_OPEN);
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(service::call);
			assertThat(entered).containsExactly("transaction");
		});
	}

	@Test
	void springRetryableSitsOutsideSoEachAttemptCountsAndARejectionIsNotRetried() {
		this.runner.withUserConfiguration(Retrying.class).run((context) -> {
			Service service = context.getBean(Service.class);
			CircuitBreaker breaker = breaker(context.getBean(CircuitBreakerRegistry.class));
			assertThatIOException().isThrownBy(service::call);
			assertThat(service.attempts()).isEqualTo(3);
			assertThat(breaker.metrics().failedCalls()).isEqualTo(3);
			breaker.transitionTo(State.FORCED_OPEN);
			assertThatExceptionOfType(CallNotPermittedException.class).isThrownBy(service::call);
			assertThat(service.attempts()).isEqualTo(3);
		});
	}

	private static CircuitBreaker breaker(CircuitBreakerRegistry registry) {
		return registry.find("ordered").orElseThrow();
	}

	public static class Service {

		private final AtomicInteger attempts = new AtomicInteger();

		@CircuitGuarded("ordered")
		@Retryable(maxRetries = 2, delay = 0, excludes = CallNotPermittedException.class)
		public String call() throws IOException {
			this.attempts.incrementAndGet();
			throw new IOException("down");
		}

		int attempts() {
			return this.attempts.get();
		}

	}

	@Configuration(proxyBeanMethods = false)
	@EnableResilientMethods
	static class Retrying {

		@Bean
		Service service() {
			return new Service();
		}

	}

	/**
	 * Advice at {@code @Transactional}'s default order, recording that it was entered.
	 */
	@Configuration(proxyBeanMethods = false)
	static class TransactionLikeAdvice {

		final List<String> entered = new ArrayList<>();

		@Bean
		Service service() {
			return new Service();
		}

		@Bean
		DefaultPointcutAdvisor transactionLikeAdvisor() {
			MethodInterceptor interceptor = (invocation) -> {
				this.entered.add("transaction");
				return invocation.proceed();
			};
			DefaultPointcutAdvisor advisor = new DefaultPointcutAdvisor(
					AnnotationMatchingPointcut.forMethodAnnotation(CircuitGuarded.class), interceptor);
			advisor.setOrder(Ordered.LOWEST_PRECEDENCE);
			return advisor;
		}

	}

}
