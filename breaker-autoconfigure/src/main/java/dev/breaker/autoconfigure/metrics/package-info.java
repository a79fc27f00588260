/*
 * Copyright 2026 the breaker authors.
 */

/**
 * Micrometer meters of the circuit breakers.
 */
@NullMarked
package dev.breaker.autoconfigure.metrics;

import org.jspecify.annotations.NullMarked;
