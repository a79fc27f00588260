/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import org.openjdk.jmh.annotations.Threads;

/**
 * {@link SharedClosedBenchmarks} with two threads calling the same breakers.
 */
@Threads(2)
public class SharedClosedTwoThreadsBenchmarks extends SharedClosedBenchmarks {

}
