/*
 * Copyright 2026 the breaker authors.
 */

/**
 * Auto-configuration of shared breakers in Redis.
 */
@NullMarked
package dev.breaker.autoconfigure.redis;

import org.jspecify.annotations.NullMarked;
