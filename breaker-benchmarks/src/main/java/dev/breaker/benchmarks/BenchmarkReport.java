/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns the CSV of a JMH run ({@code -rf csv}, with {@code -prof gc}) into the Markdown
 * tables of {@code docs/benchmarks.md}: time and allocation per call, and each path's
 * ratio to Resilience4j measured in the same run. Run with
 * {@code java -cp breaker-benchmarks/target/benchmarks.jar dev.breaker.benchmarks.BenchmarkReport results.csv}.
 */
public final class BenchmarkReport {

	private static final String PACKAGE = BenchmarkReport.class.getPackageName() + ".";

	private static final String ALLOCATION = ":gc.alloc.rate.norm";

	private static final String[] CONTENDERS = { "resilience4jStackless", "resilience4jLockFree", "resilience4j",
			"failsafeStandalone", "failsafe", "breaker" };

	private final Map<String, Map<String, double[]>> classes = new LinkedHashMap<>();

	private BenchmarkReport(List<String> lines) {
		for (String line : lines.subList(1, lines.size())) {
			String[] cells = line.split(",");
			String name = unquote(cells[0]);
			if (!name.startsWith(PACKAGE) || (name.contains(":") && !name.endsWith(ALLOCATION))) {
				continue;
			}
			String qualified = name.substring(PACKAGE.length());
			boolean allocation = qualified.endsWith(ALLOCATION);
			if (allocation) {
				qualified = qualified.substring(0, qualified.length() - ALLOCATION.length());
			}
			int dot = qualified.indexOf('.');
			double[] row = this.classes.computeIfAbsent(qualified.substring(0, dot), (key) -> new LinkedHashMap<>())
				.computeIfAbsent(qualified.substring(dot + 1),
						(key) -> new double[] { Double.NaN, Double.NaN, Double.NaN });
			if (allocation) {
				row[2] = number(cells[4]);
			}
			else {
				row[0] = number(cells[4]);
				row[1] = number(cells[5]);
			}
		}
	}

	public static void main(String[] args) throws IOException {
		System.out.print(render(Files.readAllLines(Path.of(args[0]))));
	}

	/**
	 * Render the tables of a run.
	 * @param csv the lines of the CSV file that JMH wrote
	 * @return one Markdown table per benchmark class
	 */
	static String render(List<String> csv) {
		StringBuilder out = new StringBuilder();
		new BenchmarkReport(csv).print(out);
		return out.toString();
	}

	private void print(StringBuilder out) {
		this.classes.forEach((type, rows) -> {
			boolean aspect = type.startsWith("Aspect");
			boolean shared = type.startsWith("Shared");
			out.append(String.format(Locale.ROOT, "%n#### %s%n%n", type));
			String ratios = shared ? " vs local |" : " vs Resilience4j | vs Resilience4j stackless |";
			String overheads = aspect ? " overhead ns | overhead vs Resilience4j |" : "";
			out.append("| benchmark | ns/op | ± (99.9%) | B/op |").append(ratios).append(overheads).append('\n');
			out.append("| --- | ---: | ---: | ---: |")
				.append(ratios.replaceAll("[^|]+", " ---: "))
				.append(overheads.replaceAll("[^|]+", " ---: "))
				.append('\n');
			double base = (aspect && rows.containsKey("unproxied")) ? rows.get("unproxied")[0] : 0;
			rows.forEach((name, row) -> {
				String reference = shared ? "local" : reference(name, "resilience4j", rows);
				StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |", name,
						format(row[0]), format(row[1]), format(row[2]), ratio(row[0], reference, rows, 0)));
				if (!shared) {
					line.append(String.format(Locale.ROOT, " %s |",
							ratio(row[0], reference(name, "resilience4jStackless", rows), rows, 0)));
				}
				if (aspect) {
					line.append(String.format(Locale.ROOT, " %s | %s |", format(row[0] - base),
							ratio(row[0] - base, reference, rows, base)));
				}
				out.append(line).append('\n');
			});
		});
	}

	// The same path through the given contender: breakerTimeWindowEveryCallCounted is
	// compared with resilience4jTimeWindow, failsafeStandaloneReject with
	// resilience4jReject, breaker with resilience4j.
	private static String reference(String name, String contender, Map<String, double[]> rows) {
		for (String prefix : CONTENDERS) {
			if (name.startsWith(prefix)) {
				String path = name.substring(prefix.length()).replace("EveryCallCounted", "");
				String candidate = contender + path;
				return (rows.containsKey(candidate) && !candidate.equals(name)) ? candidate : null;
			}
		}
		return null;
	}

	private static String ratio(double score, String reference, Map<String, double[]> rows, double base) {
		if (reference == null) {
			return "";
		}
		double against = rows.get(reference)[0] - base;
		return String.format(Locale.ROOT, "%.3f", score / against);
	}

	private static String format(double value) {
		if (Double.isNaN(value)) {
			return "";
		}
		return (Math.abs(value) >= 100) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

	private static double number(String cell) {
		String text = unquote(cell);
		return text.isEmpty() ? Double.NaN : Double.parseDouble(text);
	}

	private static String unquote(String cell) {
		String text = cell.trim();
		return (text.startsWith("\"") && text.endsWith("\"")) ? text.substring(1, text.length() - 1) : text;
	}

}
