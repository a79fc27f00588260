/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.sample;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A throw-away {@code redis-server} from the PATH on a free loopback port, so the shared
 * mode test never touches the machine's own Redis.
 */
final class RedisServer implements AutoCloseable {

	private final int port;

	private final Process process;

	private RedisServer(int port, Process process) {
		this.port = port;
		this.process = process;
	}

	static RedisServer start() throws IOException {
		int port = freePort();
		Process process = new ProcessBuilder(binary(), "--port", Integer.toString(port), "--bind", "127.0.0.1",
				"--save", "", "--appendonly", "no")
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
		RedisServer server = new RedisServer(port, process);
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!server.accepts()) {
			if (System.nanoTime() > deadline || !process.isAlive()) {
				server.close();
				throw new IllegalStateException("redis-server did not start on port " + port);
			}
			Thread.onSpinWait();
		}
		return server;
	}

	int port() {
		return this.port;
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private boolean accepts() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static String binary() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		throw new IllegalStateException("The shared mode test needs redis-server on the PATH");
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
