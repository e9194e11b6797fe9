package org.cicloperformance.benchmark;

import java.nio.file.Path;

/**
 * The benchmark's settings, from system properties ({@code -Dbench.plans=200}). Defaults are those of the published
 * run (docs/benchmarks.md).
 *
 * @param plans synthetic plans to import ({@code bench.plans}, 200)
 * @param clients concurrent HTTP clients posting results ({@code bench.clients}, 8)
 * @param rate offered rate of the fixed-rate latency phase, results/s ({@code bench.rate}, 1000)
 * @param deadlineRate offered rate of the "deadline day" phase, single posts ({@code bench.rate.deadline}, 100; 0 skips
 *        it): the latency a busy reporting deadline sees, below saturation
 * @param rateBatch results per request in the fixed-rate phase ({@code bench.rate.batch}, 1 = single posts)
 * @param seed seed of every random draw ({@code bench.seed}, 42)
 * @param duration seconds of each load phase ({@code bench.duration}, 30)
 * @param maxResults at most this many results posted per load phase ({@code bench.max.results}, 30000), so that
 *        a slow pipeline still drains in a bounded time
 * @param batchSize results per batch in the batch phase ({@code bench.batch}, 100)
 * @param corrections share of corrections ({@code bench.corrections}, 0.10)
 * @param invalid share of invalid results ({@code bench.invalid}, 0.01)
 * @param drainTimeout seconds to wait, after a phase, for everything acknowledged to be scored
 *        ({@code bench.drain.timeout}, 900)
 * @param pollMillis minimum interval between two reads of the same probe score document ({@code bench.poll.ms},
 *        100; longer, 5% of the oldest result in flight, when results wait long)
 * @param probePlans plans whose score documents are watched for latency ({@code bench.probe.plans}, 2)
 * @param baselineMessages messages of the Kafka saturation baseline ({@code bench.baseline.messages}, 100000)
 * @param baselineDocuments documents of the MongoDB insert/update baselines ({@code bench.baseline.documents}, 20000)
 * @param baselineRateSeconds seconds of the Kafka fixed-rate baseline ({@code bench.baseline.rate.seconds}, 15)
 * @param javaOptions JVM options of the three services ({@code bench.java.options}, the local stack's default)
 * @param data data folder of the stack ({@code bench.data}, a new temporary folder, deleted afterwards)
 * @param output folder for the JSON report ({@code bench.output}, {@code deploy/benchmark/target})
 * @param home the repository root ({@code bench.home}, found from the working directory or the jar)
 * @param shape the plans' shape ({@code bench.shape}: {@code default}, ~250 indicators, or {@code seed}, shaped
 *        like the 2018 seed, ~38 indicators, 11 objectives, 3 managers)
 * @param reportingReplicas reporting-service processes in one consumer group ({@code bench.reporting.replicas}, 1;
 *        up to 3, the partitions of the topics): a correctness run on this machine
 */
record Options(int plans, int clients, int rate, int rateBatch, long seed, int duration, int maxResults,
		int batchSize, double corrections, double invalid, int drainTimeout, int pollMillis, int probePlans, int baselineMessages,
		int baselineDocuments, int baselineRateSeconds, String javaOptions, Path data, Path output, Path home, String shape,
		int reportingReplicas, int deadlineRate) {

	static final String STACK_DEFAULT_JAVA_OPTIONS = "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1";

	static Options fromSystemProperties() {
		Path home = findHome();
		String data = System.getProperty("bench.data");
		return new Options(integer("bench.plans", 200), integer("bench.clients", 8), integer("bench.rate", 1000),
				integer("bench.rate.batch", 1), Long.parseLong(System.getProperty("bench.seed", "42")),
				integer("bench.duration", 30), integer("bench.max.results", 30_000), integer("bench.batch", 100),
				Double.parseDouble(System.getProperty("bench.corrections", "0.10")),
				Double.parseDouble(System.getProperty("bench.invalid", "0.01")), integer("bench.drain.timeout", 900),
				integer("bench.poll.ms", 100), integer("bench.probe.plans", 2), integer("bench.baseline.messages", 100_000),
				integer("bench.baseline.documents", 20_000), integer("bench.baseline.rate.seconds", 15),
				System.getProperty("bench.java.options", STACK_DEFAULT_JAVA_OPTIONS),
				data == null ? null : Path.of(data).toAbsolutePath(),
				Path.of(System.getProperty("bench.output", home.resolve("deploy/benchmark/target").toString())),
				home, System.getProperty("bench.shape", "default"), integer("bench.reporting.replicas", 1),
				integer("bench.rate.deadline", 100));
	}

	private static int integer(String property, int fallback) {
		return Integer.parseInt(System.getProperty(property, String.valueOf(fallback)).trim());
	}

	/** The repository root: given, or the first folder above the working directory (or this jar) with the services. */
	static Path findHome() {
		String given = System.getProperty("bench.home");
		if (given != null) {
			return Path.of(given).toAbsolutePath();
		}
		for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
			if (isHome(dir)) {
				return dir;
			}
		}
		try {
			Path jar = Path.of(Options.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			for (Path dir = jar; dir != null; dir = dir.getParent()) {
				if (isHome(dir)) {
					return dir;
				}
			}
		}
		catch (java.net.URISyntaxException e) {
			// fall through
		}
		throw new IllegalStateException("repository root not found: run from the repository or give -Dbench.home");
	}

	private static boolean isHome(Path dir) {
		return java.nio.file.Files.isDirectory(dir.resolve("plan-service"))
				&& java.nio.file.Files.isDirectory(dir.resolve("monitoring-service"))
				&& java.nio.file.Files.exists(dir.resolve("pom.xml"));
	}

	Options withData(Path folder) {
		return new Options(plans, clients, rate, rateBatch, seed, duration, maxResults, batchSize, corrections, invalid,
				drainTimeout, pollMillis, probePlans, baselineMessages, baselineDocuments, baselineRateSeconds, javaOptions, folder,
				output, home, shape, reportingReplicas, deadlineRate);
	}
}
