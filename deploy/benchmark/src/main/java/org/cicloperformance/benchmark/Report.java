package org.cicloperformance.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The printed table: every pipeline figure next to its baseline and the ratio, then correctness, cost, targets. */
final class Report {

	private Report() {
	}

	static Map<String, Object> machine() {
		var out = new LinkedHashMap<String, Object>();
		out.put("cpus", Runtime.getRuntime().availableProcessors());
		out.put("cpuModel", cpuModel());
		out.put("memTotal", meminfo());
		out.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
		out.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
		return out;
	}

	/** True when every correctness check passed (timing never fails the run). */
	@SuppressWarnings("unchecked")
	static boolean correct(Map<String, Object> report) {
		var c = (Map<String, Object>) report.get("correctness");
		if (c == null) {
			return false;
		}
		for (String zero : List.of("missingInMonitoring", "wrongVersionInMonitoring", "wrongValueInMonitoring",
				"unexpectedInMonitoring", "notScoredAfterDrain", "reportingVersionMismatches", "invalidAccepted",
				"rebuildMismatches")) {
			if (((Number) c.getOrDefault(zero, 1)).longValue() != 0) {
				return false;
			}
		}
		return ((Number) c.get("invalidRefused")).longValue() == ((Number) c.get("invalidPosted")).longValue()
				&& ((Number) c.get("monitoringAcceptedCounter")).longValue() == ((Number) c.get("acknowledgedResults"))
					.longValue();
	}

	@SuppressWarnings("unchecked")
	static void print(Map<String, Object> report, PrintStream out) {
		var options = (Map<String, Object>) report.get("options");
		var machine = (Map<String, Object>) report.get("machine");
		var plans = (Map<String, Object>) report.get("plans");
		var phases = (List<Map<String, Object>>) report.get("phases");
		var rate = phase(phases, "fixed-rate");
		var deadline = phase(phases, "deadline-day");
		var single = phase(phases, "single-saturation");
		var batch = phase(phases, "batch-saturation");
		var rebuild = (Map<String, Object>) report.get("rebuild");
		var correctness = (Map<String, Object>) report.get("correctness");
		var baselines = (Map<String, Object>) report.get("baselines");
		var kafka = (Map<String, Object>) baselines.get("kafka");
		var mongo = (Map<String, Object>) baselines.get("mongodb");
		var kafkaSat = kafka == null ? null : (Map<String, Object>) kafka.get("saturation");
		var kafkaRate = kafka == null ? null : (Map<String, Object>) kafka.get("fixedRate");
		double insert = mongo == null ? Double.NaN : num(mongo, "insert", "perSecond");
		double update = mongo == null ? Double.NaN : num(mongo, "update", "perSecond");
		double bulkInsert = mongo == null || mongo.get("bulkInsert100") == null ? Double.NaN
				: num(mongo, "bulkInsert100", "documentsPerSecond");
		double kafkaPerSecond = kafkaSat == null ? Double.NaN : num(kafkaSat, "perSecond");

		out.println();
		out.println("=== Ciclo della performance: pipeline benchmark ===");
		out.printf("machine: %s CPUs (%s), %s RAM, %s%n", machine.get("cpus"), machine.get("cpuModel"),
				machine.get("memTotal"), machine.get("java"));
		out.printf("workload: %s plans, %s indicators (%s indicator-checkpoints), %s clients, seed %s, corrections %s,"
				+ " invalid %s; services: %s%n", plans.get("plans"), plans.get("indicators"), report.get("slots"),
				options.get("clients"), options.get("seed"), options.get("corrections"), options.get("invalid"),
				options.get("javaOptions"));
		out.printf("plans: imported in %.1f s, known to monitoring and scored by reporting after %.1f s%n%n",
				num(plans, "importSeconds"), num(plans, "readySeconds"));

		String row = "%-52s %16s   %-40s %8s%n";
		out.printf(row, "pipeline figure", "value", "baseline (same broker / database)", "ratio");
		out.printf(row, "-".repeat(52), "-".repeat(16), "-".repeat(40), "-".repeat(8));
		out.printf(row, "ingest, single posts: accepted/s", rate(single, "acceptedPerSecond"),
				String.format("MongoDB insertOne %s clients: %.0f/s", options.get("clients"), insert),
				ratio(num(single, "acceptedPerSecond"), insert));
		out.printf(row, "ingest, batches of " + batch.get("resultsPerRequest") + ": accepted/s",
				rate(batch, "acceptedPerSecond"), String.format("MongoDB insertMany(100) %s clients: %.0f/s",
						options.get("clients"), bulkInsert),
				ratio(num(batch, "acceptedPerSecond"), bulkInsert));
		out.printf(row, "end to end, single posts: scored/s", rate(single, "scoredPerSecond"),
				String.format("Kafka produce->consume: %.0f/s", kafkaPerSecond),
				ratio(num(single, "scoredPerSecond"), kafkaPerSecond));
		out.printf(row, "end to end, batches: scored/s", rate(batch, "scoredPerSecond"),
				String.format("Kafka produce->consume: %.0f/s", kafkaPerSecond),
				ratio(num(batch, "scoredPerSecond"), kafkaPerSecond));
		out.printf(row, "end to end, batches: scored/s vs the store", rate(batch, "scoredPerSecond"),
				String.format("MongoDB insertMany(100) %s clients: %.0f/s", options.get("clients"), bulkInsert),
				ratio(num(batch, "scoredPerSecond"), bulkInsert));
		out.printf(row, "end to end, fixed rate: scored/s", rate(rate, "scoredPerSecond"),
				String.format("offered %s/s, accepted %.0f/s", rate.get("offeredPerSecond"),
						num(rate, "acceptedPerSecond")), "");
		for (String p : List.of("p50", "p95", "p99", "max")) {
			out.printf(row, "latency ack->scored at " + options.get("rate") + "/s offered, " + p + " (ms)",
					ms(rate, p), String.format("Kafka at %s/s: %s ms", options.get("rate"), ms(kafkaRate, p)),
					ratio(num((Map<String, Object>) rate.get("endToEndLatencyMs"), p),
							kafkaRate == null ? Double.NaN : num((Map<String, Object>) kafkaRate.get("latencyMs"), p)));
		}
		if (!deadline.isEmpty()) {
			for (String p : List.of("p50", "p99")) {
				out.printf(row, "latency ack->scored at " + deadline.get("offeredPerSecond") + "/s offered, " + p + " (ms)",
						ms(deadline, p), String.format("accepted %.0f/s", num(deadline, "acceptedPerSecond")), "");
			}
		}
		out.printf("  (latency sampled on the %s score documents of the first %s plans: %s / %s / %s samples in the fixed-rate /"
				+ " single / batch phases; a document is read at most every %s ms, or 5%% of its oldest result's age)%n", report.get("latencyProbeDocuments"),
				options.get("probePlans"), rate.get("latencySamples"), single.get("latencySamples"),
				batch.get("latencySamples"), options.get("pollMs"));
		for (var saturation : List.of(single, batch)) {
			for (String p : List.of("p50", "p99", "max")) {
				out.printf(row, "latency at saturation, " + (saturation == single ? "single posts" : "batches") + ", "
						+ p + " (ms)", ms(saturation, p), String.format("Kafka at saturation: %s ms", ms(kafkaSat, p)),
						ratio(num((Map<String, Object>) saturation.get("endToEndLatencyMs"), p),
								kafkaSat == null ? Double.NaN
										: num((Map<String, Object>) kafkaSat.get("latencyMs"), p)));
			}
		}
		double rebuildIo = mongo == null || mongo.get("rebuildIo") == null ? Double.NaN
				: num(mongo, "rebuildIo", "seconds");
		out.printf(row, "rebuild of " + rebuild.get("plans") + " plans (" + rebuild.get("documents") + " docs): s",
				String.format("%.1f", num(rebuild, "seconds")),
				String.format("raw driver, same reads and writes: %.1f s", rebuildIo),
				ratio(num(rebuild, "seconds"), rebuildIo));
		if (mongo != null) {
			out.printf(row, "(database: update of a result document)", "", String.format("MongoDB updateOne: %.0f/s",
					update), "");
			if (mongo.get("scoreReadReplace1Thread") != null) {
				out.printf(row, "(database: read+replace of a score document)", "", String.format(
						"%.0f/s, 1 thread, %s bytes", num(mongo, "scoreReadReplace1Thread", "perSecond"),
						mongo.get("scoreDocumentBytes")), "");
			}
		}

		out.println();
		out.println("correctness: " + correctness);
		out.println("  => " + (correct(report) ? "CORRECT (0 mismatches)" : "NOT CORRECT"));

		out.println();
		var cost = (Map<String, Object>) report.get("cost");
		var cpu = (Map<String, Double>) cost.get("cpuSecondsWholeRun");
		var memory = (Map<String, Map<String, Double>>) cost.get("memory");
		out.printf("%-38s %14s %14s %14s%n", "process cost (load phases, rebuild)", "CPU s", "peak RSS MiB",
				"VmHWM MiB");
		double totalRss = 0;
		for (var entry : cpu.entrySet()) {
			var mem = memory.get(entry.getKey());
			out.printf("%-38s %14.1f %14s %14s%n", entry.getKey(), entry.getValue(),
					mem == null ? "" : String.format("%.0f", mem.get("peakRssMiB")),
					mem == null ? "" : String.format("%.0f", mem.get("vmHwmMiB")));
			if (mem != null) {
				totalRss += mem.get("vmHwmMiB");
			}
		}
		out.printf("%-38s %14s %14s %14.0f%n", "whole stack (sum of peaks)", "", "", totalRss);
		out.println("(the launcher JVM hosts MongoDB and runs this benchmark's clients: its CPU is split by thread,"
				+ " its memory is one figure)");
		for (var phase : phases) {
			out.printf("  CPU s in phase %-18s %s%n", phase.get("name"), rounded((Map<String, Double>) phase.get("cpuSeconds")));
		}

		out.println();
		out.println("targets (2 cores, embedded default):");
		target(out, "batches scored end to end >= 5,000/s", num(batch, "scoredPerSecond") >= 5000,
				rate(batch, "scoredPerSecond") + "/s");
		target(out, "single posts scored end to end >= 1,000/s", num(single, "scoredPerSecond") >= 1000,
				rate(single, "scoredPerSecond") + "/s");
		boolean rateHeld = num(rate, "acceptedPerSecond") >= 0.95 * num(rate, "offeredPerSecond");
		target(out, "p99 ack->scored <= 500 ms at " + options.get("rate") + "/s",
				rateHeld && num((Map<String, Object>) rate.get("endToEndLatencyMs"), "p99") <= 500,
				ms(rate, "p99") + " ms" + (rateHeld ? "" : " (offered rate not reached)"));
		if (!deadline.isEmpty()) {
			boolean held = num(deadline, "acceptedPerSecond") >= 0.95 * num(deadline, "offeredPerSecond");
			target(out, "p99 ack->scored <= 150 ms at " + deadline.get("offeredPerSecond") + "/s",
					held && num((Map<String, Object>) deadline.get("endToEndLatencyMs"), "p99") <= 150,
					ms(deadline, "p99") + " ms" + (held ? "" : " (offered rate not reached)"));
		}
		if (num(rebuild, "plans") >= 200) {
			target(out, "rebuild of 200 plans <= 5 s", num(rebuild, "seconds") <= 5,
					String.format("%.1f s for %s plans", num(rebuild, "seconds"), rebuild.get("plans")));
		}
		else {
			out.printf("  [n/a]    %-48s %s%n", "rebuild of 200 plans <= 5 s", String.format(
					"%.1f s for only %s plans (the cost per plan grows with the data)", num(rebuild, "seconds"),
					rebuild.get("plans")));
		}
		target(out, "whole stack <= 2.5 GiB RSS", totalRss <= 2560, String.format("%.0f MiB", totalRss));
		out.println();
	}

	private static void target(PrintStream out, String what, boolean met, String value) {
		out.printf("  [%s] %-48s %s%n", met ? "met" : "MISSED", what, value);
	}

	private static Map<String, Object> phase(List<Map<String, Object>> phases, String name) {
		return phases.stream().filter(p -> name.equals(p.get("name"))).findFirst().orElse(Map.of());
	}

	@SuppressWarnings("unchecked")
	static double num(Map<String, Object> map, String... path) {
		Object value = map;
		for (String key : path) {
			if (!(value instanceof Map)) {
				return Double.NaN;
			}
			value = ((Map<String, Object>) value).get(key);
		}
		return value instanceof Number n ? n.doubleValue() : Double.NaN;
	}

	private static String rate(Map<String, Object> phase, String key) {
		return String.format("%.0f", num(phase, key));
	}

	private static String ms(Map<String, Object> holder, String percentile) {
		if (holder == null) {
			return "-";
		}
		double value = holder.containsKey("endToEndLatencyMs") ? num(holder, "endToEndLatencyMs", percentile)
				: num(holder, "latencyMs", percentile);
		return Double.isNaN(value) ? "-" : String.format("%.1f", value);
	}

	private static String ratio(double value, double baseline) {
		if (Double.isNaN(value) || Double.isNaN(baseline) || baseline == 0) {
			return "-";
		}
		return String.format("%.3f", value / baseline);
	}

	private static Map<String, String> rounded(Map<String, Double> values) {
		var out = new LinkedHashMap<String, String>();
		values.forEach((k, v) -> out.put(k, String.format("%.1f", v)));
		return out;
	}

	private static String cpuModel() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
				if (line.startsWith("model name")) {
					return line.substring(line.indexOf(':') + 1).trim();
				}
			}
		}
		catch (IOException e) {
			// not Linux
		}
		return "unknown";
	}

	private static String meminfo() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
				if (line.startsWith("MemTotal:")) {
					long kb = Long.parseLong(line.replaceAll("\\D", ""));
					return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
				}
			}
		}
		catch (IOException e) {
			// not Linux
		}
		return "unknown";
	}
}
