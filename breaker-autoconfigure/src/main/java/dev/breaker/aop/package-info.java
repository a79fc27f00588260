/*
 * Copyright 2026 the breaker authors.
 */

/**
 * The {@code @CircuitGuarded} advice: the advisor, per-method guards for each return
 * type, fallbacks and startup validation.
 */
@NullMarked
package dev.breaker.aop;

import org.jspecify.annotations.NullMarked;
