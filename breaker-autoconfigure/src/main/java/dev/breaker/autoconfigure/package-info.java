/*
 * Copyright 2026 the breaker authors.
 */

/**
 * Auto-configuration of the circuit breakers: properties, registry, transition events and
 * the {@code @CircuitGuarded} advice.
 */
@NullMarked
package dev.breaker.autoconfigure;

import org.jspecify.annotations.NullMarked;
