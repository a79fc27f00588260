/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The threads that the asynchronous quote calls and the demo load run on, kept apart from
 * the web server's threads and stopped with the application.
 */
@Component
public class DownstreamExecutor implements Executor, DisposableBean {

	private static final int THREADS = 8;

	private final AtomicInteger counter = new AtomicInteger();

	private final ExecutorService threads = Executors.newFixedThreadPool(THREADS, (task) -> {
		Thread thread = new Thread(task, "downstream-" + this.counter.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	});

	@Override
	public void execute(Runnable command) {
		this.threads.execute(command);
	}

	@Override
	public void destroy() {
		this.threads.shutdownNow();
	}

}
