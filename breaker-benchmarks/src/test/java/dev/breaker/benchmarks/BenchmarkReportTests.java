/*
 * Copyright 2026 the breaker authors.
 */

package dev.breaker.benchmarks;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks that the report compares each path with the same path through Resilience4j.
 */
class BenchmarkReportTests {

	private static final String HEADER = "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\","
			+ "\"Score Error (99.9%)\",\"Unit\"";

	private static String row(String name, double score, String unit) {
		return "\"dev.breaker.benchmarks." + name + "\",\"avgt\",1,5," + score + ",1.5,\"" + unit + "\"";
	}

	@Test
	void comparesEachPathWithTheSamePathThroughResilience4j() {
		String report = BenchmarkReport.render(List.of(HEADER, row("ClosedSuccessBenchmarks.bare", 2, "ns/op"),
				row("ClosedSuccessBenchmarks.breakerTimeWindowEveryCallCounted", 30, "ns/op"),
				row("ClosedSuccessBenchmarks.breakerTimeWindowEveryCallCounted:gc.alloc.rate.norm", 0.001, "B/op"),
				row("ClosedSuccessBenchmarks.breakerTimeWindowEveryCallCounted:gc.count", 3, "counts"),
				row("ClosedSuccessBenchmarks.resilience4jTimeWindow", 120, "ns/op"),
				row("OpenRejectionBenchmarks.breaker", 10, "ns/op"),
				row("OpenRejectionBenchmarks.resilience4j", 2000, "ns/op"),
				row("OpenRejectionBenchmarks.resilience4jStackless", 500, "ns/op")));
		assertThat(report).contains("#### ClosedSuccessBenchmarks", "#### OpenRejectionBenchmarks")
			.contains("| bare | 2.0 | 1.5 |  |  |  |")
			.contains("| breakerTimeWindowEveryCallCounted | 30.0 | 1.5 | 0.0 | 0.250 |  |")
			.contains("| breaker | 10.0 | 1.5 |  | 0.005 | 0.020 |")
			.contains("| resilience4jStackless | 500 | 1.5 |  | 0.250 |  |")
			.doesNotContain("gc.count");
	}

	@Test
	void reportsTheAspectOverheadAboveTheUnproxiedCall() {
		String report = BenchmarkReport.render(List.of(HEADER, row("AspectBenchmarks.unproxied", 2, "ns/op"),
				row("AspectBenchmarks.breaker", 52, "ns/op"), row("AspectBenchmarks.resilience4j", 2002, "ns/op")));
		assertThat(report).contains("| breaker | 52.0 | 1.5 |  | 0.026 |  | 50.0 | 0.025 |");
	}

	@Test
	void comparesSharedWithLocal() {
		String report = BenchmarkReport.render(List.of(HEADER, row("SharedClosedBenchmarks.local", 40, "ns/op"),
				row("SharedClosedBenchmarks.shared", 50, "ns/op")));
		assertThat(report).contains("| shared | 50.0 | 1.5 |  | 1.250 |\n")
			.contains("| --- | ---: | ---: | ---: | ---: |\n");
	}

}
