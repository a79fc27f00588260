/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.concurrent.Callable;

/**
 * The guarded work that every library runs in a benchmark: the same callable with the
 * same outcome, so that differences in time are the breakers' own.
 */
public final class Downstream {

	/** The result of a successful call: boxed once, so returning it allocates nothing. */
	public static final Integer RESULT = 42;

	/** What a failing call throws: preallocated and stackless, so throwing is cheap. */
	public static final DownstreamException FAILURE = new DownstreamException();

	/** A call that succeeds. */
	public static final Callable<Integer> SUCCEEDING = Downstream::succeed;

	/** A call that fails. */
	public static final Callable<Integer> FAILING = Downstream::fail;

	private Downstream() {
	}

	private static Integer succeed() {
		return RESULT;
	}

	private static Integer fail() {
		throw FAILURE;
	}

	/**
	 * The failure of a downstream call.
	 */
	public static final class DownstreamException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		DownstreamException() {
			super("downstream failed", null, false, false);
		}

	}

}
