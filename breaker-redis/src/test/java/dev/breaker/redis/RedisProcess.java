/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.redis;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;

/**
 * A {@code redis-server} that a test starts on a free loopback port and stops: the one on
 * the PATH, else the binary inside the {@code embedded-redis} jar. Never the machine's
 * own Redis.
 */
public final class RedisProcess implements AutoCloseable {

	private final String binary;

	private final int port;

	private Process process;

	private RedisProcess(String binary, int port) {
		this.binary = binary;
		this.port = port;
	}

	/**
	 * Start a server on a free loopback port.
	 * @return the running server
	 */
	public static RedisProcess start() {
		RedisProcess redis = new RedisProcess(binary(), freePort());
		redis.launch();
		return redis;
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.port;
	}

	/** Kill the server at once (SIGKILL), as a crash would. */
	public void kill() {
		this.process.destroyForcibly();
		try {
			this.process.waitFor();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Start an empty server again on the same port. */
	public void restart() {
		launch();
	}

	/** Freeze the server (SIGSTOP): connections stay open, nothing answers. */
	public void pause() {
		signal("-STOP");
	}

	/** Thaw a frozen server (SIGCONT). */
	public void resume() {
		signal("-CONT");
	}

	private void signal(String signal) {
		try {
			new ProcessBuilder("kill", signal, Long.toString(this.process.pid())).inheritIO().start().waitFor();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void launch() {
		try {
			this.process = new ProcessBuilder(this.binary, "--port", Integer.toString(this.port), "--bind", "127.0.0.1",
					"--save", "", "--appendonly", "no", "--daemonize", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (!answersPing()) {
			if (System.nanoTime() > deadline || !this.process.isAlive()) {
				throw new IllegalStateException("redis-server did not start on port " + this.port);
			}
			Thread.onSpinWait();
		}
	}

	private boolean answersPing() {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(1000);
			socket.getOutputStream().write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			byte[] reply = new byte[7];
			int read = socket.getInputStream().read(reply);
			return read > 0 && new String(reply, 0, read, StandardCharsets.US_ASCII).startsWith("+PONG");
		}
		catch (IOException ex) {
			return false;
		}
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

	/**
	 * A loopback port that nothing listens on right now.
	 * @return the port
	 */
	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String binary() {
		for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			Path candidate = Path.of(dir, "redis-server");
			if (Files.isExecutable(candidate)) {
				return candidate.toString();
			}
		}
		String name = System.getProperty("os.arch").contains("aarch64") ? "redis-server-6.2.7-linux-arm64"
				: "redis-server-6.2.6-v5-linux-amd64";
		try (InputStream in = RedisProcess.class.getClassLoader().getResourceAsStream(name)) {
			Path target = Files.createTempFile("redis-server", "");
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			target.toFile().setExecutable(true);
			target.toFile().deleteOnExit();
			return target.toString();
		}
		catch (IOException | NullPointerException ex) {
			throw new IllegalStateException("No redis-server on the PATH and none in the embedded-redis jar", ex);
		}
	}

}
