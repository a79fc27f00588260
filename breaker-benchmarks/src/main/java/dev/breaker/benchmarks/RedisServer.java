/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code redis-server} of the benchmark's own on a free loopback port: the one on the
 * PATH, else the binary inside the {@code embedded-redis} jar. It never touches a Redis
 * that it did not start.
 */
final class RedisServer implements AutoCloseable {

	private static final Pattern COMMAND_STAT = Pattern.compile("cmdstat_([a-z|_]+):calls=(\\d+)");

	private final int port;

	private final Process process;

	private RedisServer(String binary, int port) {
		this.port = port;
		try {
			this.process = new ProcessBuilder(binary, "--port", Integer.toString(port), "--bind", "127.0.0.1", "--save",
					"", "--appendonly", "no")
				.redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static RedisServer start() {
		RedisServer server = new RedisServer(binary(), freePort());
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (true) {
			try {
				server.command("PING");
				return server;
			}
			catch (IOException ex) {
				if (System.nanoTime() > deadline || !server.process.isAlive()) {
					server.close();
					throw new IllegalStateException("redis-server did not start on port " + server.port, ex);
				}
				Thread.onSpinWait();
			}
		}
	}

	int port() {
		return this.port;
	}

	/**
	 * How many times each command ran since the last {@link #resetStats()}, including the
	 * commands that scripts ran, but not this query itself.
	 * @return calls by command name
	 */
	Map<String, Long> commandStats() {
		try {
			Map<String, Long> calls = new TreeMap<>();
			Matcher matcher = COMMAND_STAT.matcher(command("INFO", "commandstats"));
			while (matcher.find()) {
				calls.put(matcher.group(1), Long.parseLong(matcher.group(2)));
			}
			calls.remove("info");
			calls.remove("config|resetstat");
			calls.remove("config");
			return calls;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	void resetStats() {
		try {
			command("CONFIG", "RESETSTAT");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// One command on a fresh connection, in RESP; enough for PING, INFO and CONFIG.
	private String command(String... words) throws IOException {
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(5000);
			StringBuilder request = new StringBuilder("*").append(words.length).append("\r\n");
			for (String word : words) {
				request.append('$').append(word.length()).append("\r\n").append(word).append("\r\n");
			}
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] buffer = new byte[1 << 16];
			StringBuilder reply = new StringBuilder();
			int read;
			do {
				read = in.read(buffer);
				if (read > 0) {
					reply.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
				}
			}
			while (read > 0 && !complete(reply));
			if (reply.length() == 0 || reply.charAt(0) == '-') {
				throw new IOException("Redis answered " + reply);
			}
			return reply.toString();
		}
	}

	private static boolean complete(StringBuilder reply) {
		if (reply.charAt(0) != '$') {
			return reply.indexOf("\r\n") >= 0;
		}
		int header = reply.indexOf("\r\n");
		return header > 0 && reply.length() >= header + 2 + Integer.parseInt(reply.substring(1, header)) + 2;
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

	private static int freePort() {
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
		try (InputStream in = RedisServer.class.getClassLoader().getResourceAsStream(name)) {
			if (in == null) {
				throw new IllegalStateException("No redis-server on the PATH and no " + name + " on the class path");
			}
			Path target = Files.createTempFile("redis-server", "");
			Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
			target.toFile().setExecutable(true);
			target.toFile().deleteOnExit();
			return target.toString();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
