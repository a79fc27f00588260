/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.ArrayList;
import java.util.List;

import org.aopalliance.intercept.MethodInterceptor;

import org.springframework.aop.Advisor;
import org.springframework.aop.support.DefaultPointcutAdvisor;
import org.springframework.aop.support.annotation.AnnotationMatchingPointcut;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.annotation.ImportCandidates;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import dev.breaker.annotation.CircuitGuarded;
import io.github.resilience4j.circuitbreaker.annotation.CircuitBreaker;

/**
 * The Spring Boot applications of the aspect benchmarks: one per library, each with every
 * auto-configuration on the class path except the other library's (so that neither's
 * advice touches the other's calls), and one bean per way of guarding the same method.
 */
public final class AspectApplication {

	/** Breaker name of the methods that succeed. */
	static final String SUCCEEDING = "quotes";

	/** Breaker name of the methods whose breaker is tripped, open for an hour. */
	static final String REJECTING = "rejecting";

	/** Resilience4j breaker name of the methods rejected without a stack trace. */
	static final String REJECTING_STACKLESS = "rejectingStackless";

	private AspectApplication() {
	}

	/**
	 * Start the application of {@code @CircuitGuarded}.
	 * @return the running context
	 */
	static ConfigurableApplicationContext startBreaker() {
		return start(BreakerConfiguration.class, "io.github.resilience4j.",
				"breaker.instances." + REJECTING + ".wait-duration-in-open-state=1h",
				"breaker.instances." + REJECTING + ".max-wait-duration-in-open-state=1h");
	}

	/**
	 * Start the application of Resilience4j's {@code @CircuitBreaker}.
	 * @return the running context
	 */
	static ConfigurableApplicationContext startResilience4j() {
		return start(Resilience4jConfiguration.class, "dev.breaker.",
				"resilience4j.circuitbreaker.instances." + REJECTING + ".wait-duration-in-open-state=1h",
				"resilience4j.circuitbreaker.instances." + REJECTING_STACKLESS + ".wait-duration-in-open-state=1h",
				"resilience4j.circuitbreaker.instances." + REJECTING_STACKLESS + ".writable-stack-trace-enabled=false");
	}

	private static ConfigurableApplicationContext start(Class<?> configuration, String excludedPackage,
			String... properties) {
		List<String> excluded = new ArrayList<>();
		for (String candidate : ImportCandidates.load(AutoConfiguration.class,
				AspectApplication.class.getClassLoader())) {
			if (candidate.startsWith(excludedPackage)) {
				excluded.add(candidate);
			}
		}
		List<String> all = new ArrayList<>(List.of(properties));
		all.add("logging.level.root=warn");
		all.add("spring.autoconfigure.exclude=" + String.join(",", excluded));
		return new SpringApplicationBuilder(configuration).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(all.toArray(new String[0]))
			.run();
	}

	/**
	 * The application of {@code @CircuitGuarded}, with a pass-through advisor beside it.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class BreakerConfiguration {

		@Bean
		GuardedQuotes guardedQuotes() {
			return new GuardedQuotes();
		}

		@Bean
		PassThroughQuotes passThroughQuotes() {
			return new PassThroughQuotes();
		}

		/**
		 * The cheapest advice Spring can run: it calls the method and nothing else.
		 * @return the advisor of {@link PassThrough} methods
		 */
		@Bean
		static Advisor passThroughAdvisor() {
			MethodInterceptor proceed = (invocation) -> invocation.proceed();
			return new DefaultPointcutAdvisor(AnnotationMatchingPointcut.forMethodAnnotation(PassThrough.class),
					proceed);
		}

	}

	/**
	 * The application of Resilience4j's {@code @CircuitBreaker}.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class Resilience4jConfiguration {

		@Bean
		Resilience4jQuotes resilience4jQuotes() {
			return new Resilience4jQuotes();
		}

	}

	/**
	 * The unguarded method: what every other bean adds to.
	 */
	public static class Quotes {

		public Integer quote() {
			return Downstream.RESULT;
		}

	}

	/**
	 * The method guarded by {@code @CircuitGuarded}.
	 */
	public static class GuardedQuotes {

		@CircuitGuarded(SUCCEEDING)
		public Integer quote() {
			return Downstream.RESULT;
		}

		@CircuitGuarded(REJECTING)
		public Integer rejectedQuote() {
			return Downstream.RESULT;
		}

	}

	/**
	 * The method guarded by Resilience4j's {@code @CircuitBreaker}.
	 */
	public static class Resilience4jQuotes {

		@CircuitBreaker(name = SUCCEEDING)
		public Integer quote() {
			return Downstream.RESULT;
		}

		@CircuitBreaker(name = REJECTING)
		public Integer rejectedQuote() {
			return Downstream.RESULT;
		}

		@CircuitBreaker(name = REJECTING_STACKLESS)
		public Integer stacklessRejectedQuote() {
			return Downstream.RESULT;
		}

	}

	/**
	 * The method behind a pass-through advisor.
	 */
	public static class PassThroughQuotes {

		@PassThrough
		public Integer quote() {
			return Downstream.RESULT;
		}

	}

	/**
	 * Marks methods for the pass-through advisor.
	 */
	@Target(ElementType.METHOD)
	@Retention(RetentionPolicy.RUNTIME)
	public @interface PassThrough {

	}

}
