/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;

import org.openjdk.jmh.annotations.Benchmark;

/**
 * Calls the {@link Benchmark} methods of a benchmark object the way JMH would, without
 * measuring anything, so that tests can check what each one does.
 */
final class BenchmarkMethods {

	private BenchmarkMethods() {
	}

	/**
	 * Invoke every benchmark method of the object the given number of times.
	 * @param benchmarks the benchmark object, already set up
	 * @param times how many times to call each method
	 * @return the last result of each method, by method name
	 */
	static Map<String, Object> invokeAll(Object benchmarks, int times) {
		Map<String, Object> results = new TreeMap<>();
		for (Method method : benchmarks.getClass().getMethods()) {
			if (method.isAnnotationPresent(Benchmark.class)) {
				Object result = null;
				for (int i = 0; i < times; i++) {
					result = invoke(benchmarks, method);
				}
				results.put(method.getName(), result);
			}
		}
		return results;
	}

	private static Object invoke(Object benchmarks, Method method) {
		try {
			return method.invoke(benchmarks);
		}
		catch (InvocationTargetException ex) {
			throw new IllegalStateException(method.getName() + " threw", ex.getCause());
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
