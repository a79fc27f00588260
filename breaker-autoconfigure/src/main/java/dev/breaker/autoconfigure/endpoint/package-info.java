/*
 * Copyright 2026 the breaker authors.
 */

/**
 * The {@code breakers} Actuator endpoint and health contributor.
 */
@NullMarked
package dev.breaker.autoconfigure.endpoint;

import org.jspecify.annotations.NullMarked;
