/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.aop;

import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.aop.framework.AopInfrastructureBean;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;

/**
 * Resolves the {@code @CircuitGuarded} methods of every bean as it is created, so that a
 * mistake fails the startup and every named breaker exists before its first call; once
 * all singletons exist, reports in one WARN line the configured instances that no
 * annotation uses.
 *
 * <p>
 * It is marked as AOP infrastructure so that the auto-proxy creator does not look up (and
 * so create early) the application's advisors when this post-processor is made.
 */
public final class GuardedBeansScanner implements BeanPostProcessor, SmartInitializingSingleton, AopInfrastructureBean {

	private static final Logger logger = LoggerFactory.getLogger(GuardedBeansScanner.class);

	private final SingletonSupplier<GuardedMethods> methods;

	/**
	 * Create the scanner.
	 * @param methods supplies the resolver on first use
	 */
	public GuardedBeansScanner(Supplier<GuardedMethods> methods) {
		this.methods = SingletonSupplier.of(methods);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		Class<?> targetClass = ClassUtils.getUserClass(AopUtils.getTargetClass(bean));
		if (GuardedAnnotations.isCandidate(targetClass)) {
			this.methods.obtain().scan(targetClass);
		}
		return bean;
	}

	@Override
	public void afterSingletonsInstantiated() {
		Set<String> unused = this.methods.obtain().unusedNames();
		if (!unused.isEmpty()) {
			logger.warn("Circuit breaker instances configured under breaker.instances but used by no "
					+ "@CircuitGuarded method (a typo?): {}", unused);
		}
	}

}
