package org.cicloperformance.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The benchmark end to end at a tiny size, so that the harness does not rot: a few plans, a few hundred results
 * through every phase, the rebuild and the baselines. It asserts correctness only — every acknowledged result
 * stored and scored, invalid results refused, no score differing from a rebuild — and never a timing: speed is
 * measured by running the benchmark (docs/benchmarks.md), not by a test.
 */
class BenchmarkSmokeIT {

	@Test
	@SuppressWarnings("unchecked")
	void aSmallRunIsCorrectEndToEnd() throws Exception {
		var home = Options.findHome();
		var output = Files.createTempDirectory("benchmark-smoke");
		var options = new Options(4, 4, 40, 1, 7, 4, 100, 25, 0.10, 0.05, 240, 100, 2, 1_000, 200, 1,
				Options.STACK_DEFAULT_JAVA_OPTIONS, null, output, home, "default", 1, 10);

		Map<String, Object> report = new Benchmark(options).run();

		var correctness = (Map<String, Object>) report.get("correctness");
		assertThat(correctness).containsEntry("missingInMonitoring", 0L)
			.containsEntry("wrongVersionInMonitoring", 0L)
			.containsEntry("wrongValueInMonitoring", 0L)
			.containsEntry("unexpectedInMonitoring", 0L)
			.containsEntry("notScoredAfterDrain", 0L)
			.containsEntry("reportingVersionMismatches", 0L)
			.containsEntry("invalidAccepted", 0L)
			.containsEntry("rebuildMismatches", 0);
		assertThat((long) correctness.get("invalidPosted")).isPositive()
			.isEqualTo((long) correctness.get("invalidRefused"));
		assertThat((long) correctness.get("acknowledgedResults")).isPositive()
			.isEqualTo((long) correctness.get("monitoringAcceptedCounter"));
		var phases = (List<Map<String, Object>>) report.get("phases");
		assertThat(phases).extracting(p -> p.get("name"))
			.containsExactly("deadline-day", "fixed-rate", "single-saturation", "batch-saturation");
		assertThat(phases).allSatisfy(p -> assertThat((Map<String, Long>) p.get("failures")).isEmpty());
		assertThat(Report.correct(report)).isTrue();
		assertThat(output.resolve("benchmark.json")).exists();
	}
}
