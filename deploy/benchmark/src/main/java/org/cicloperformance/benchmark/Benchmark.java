package org.cicloperformance.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.bson.Document;
import org.cicloperformance.benchmark.PlanGenerator.PlanSpec;
import org.cicloperformance.local.LocalStack;
import org.cicloperformance.local.Settings;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The pipeline benchmark (issue 8, docs/benchmarks.md): starts the local stack on the embedded default (free ports,
 * a new data folder), imports synthetic plans through plan-service, posts results through monitoring-service at a
 * fixed rate and at saturation (single posts and batches), measures when each is visible in reporting-service's
 * scores, times a full rebuild, checks correctness, measures the raw Kafka and MongoDB baselines on the same broker
 * and database, and prints a table (the JSON goes to {@code deploy/benchmark/target}).
 */
public final class Benchmark {

	private final Options options;

	private final JsonMapper json = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

	Benchmark(Options options) {
		this.options = options;
	}

	public static void main(String[] args) {
		var options = Options.fromSystemProperties();
		Map<String, Object> report = new Benchmark(options).run();
		System.exit(Report.correct(report) ? 0 : 1);
	}

	/** Runs everything and returns the report (also printed and written as JSON). */
	Map<String, Object> run() {
		Path data = options.data();
		boolean temporary = data == null;
		try {
			if (temporary) {
				data = Files.createTempDirectory("benchmark-stack");
			}
			var settings = new Settings(options.home(), data, "127.0.0.1", freePort(), freePort(), freePort(),
					freePort(), freePort(), freePort(), false, options.javaOptions() + Api.userProperties(options.plans()),
					List.of("plan-service", "monitoring-service", "reporting-service"));
			try (var stack = new LocalStack(settings)) {
				// Ctrl-C must not leave the broker and the services running
				var stop = new Thread(stack::close, "benchmark-shutdown");
				Runtime.getRuntime().addShutdownHook(stop);
				long started = System.nanoTime();
				stack.start();
				log("Stack started in " + Duration.ofNanos(System.nanoTime() - started).toSeconds() + " s: "
						+ stack.processIds());
				Map<String, Object> report;
				try (var replicas = new ReportingReplicas(settings, Math.max(0, options.reportingReplicas() - 1),
						Benchmark::freePort)) {
					if (options.reportingReplicas() > 1) {
						log("Started " + (options.reportingReplicas() - 1) + " more reporting-service processes: "
								+ replicas.processIds());
					}
					report = measure(stack, settings, replicas.processIds());
				}
				Report.print(report, System.out);
				write(report);
				try {
					Runtime.getRuntime().removeShutdownHook(stop);
				}
				catch (IllegalStateException shuttingDown) {
					// already stopping
				}
				return report;
			}
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		finally {
			if (temporary && data != null) {
				delete(data);
			}
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> measure(LocalStack stack, Settings settings, Map<String, Long> replicaIds) {
		var report = new LinkedHashMap<String, Object>();
		report.put("startedAt", Instant.now().toString());
		report.put("options", optionsMap());
		report.put("machine", Report.machine());
		var api = new Api(json, stack.planUrl(), stack.monitoringUrl(), stack.reportingUrl());
		try (MongoClient mongo = MongoClients.create(settings.mongoUri(""));
				var cost = new ProcessCost(withReplicas(stack.processIds(), replicaIds));
				var watcher = new ScoreWatcher(mongo.getDatabase("reporting").getCollection("scores"),
						options.pollMillis());
				var pipeline = new Pipeline(api, mongo, settings.kafkaBrokers())) {
			var cpuStart = cost.cpuSeconds();
			var phases = new ArrayList<Map<String, Object>>();

			// 1. plans
			var cpu = cost.cpuSeconds();
			List<PlanSpec> plans = generatePlans();
			report.put("plans", importPlans(api, plans, mongo));
			((Map<String, Object>) report.get("plans")).put("cpuSeconds", ProcessCost.minus(cost.cpuSeconds(), cpu));
			var workload = new Workload(json, plans, options.seed(), options.corrections(), options.invalid());
			report.put("slots", workload.slotCount());
			// latency is sampled on the score documents of the first plans (reading every document continuously
			// would load the database far more than the pipeline does)
			var probes = new java.util.HashSet<String>();
			plans.stream().limit(options.probePlans()).forEach(p -> PlanGenerator.CHECKPOINTS
				.forEach(c -> probes.add(p.planId() + "#" + c)));
			report.put("latencyProbeDocuments", probes.size());

			// 2. load phases: a deadline day's rate, the fixed rate, then saturation with single posts, then with batches
			if (options.deadlineRate() > 0) {
				phases.add(phase(new LoadPhase.Config("deadline-day", 1, options.deadlineRate(), options.clients(),
						options.duration(), options.maxResults(), options.seed() + 4, options.drainTimeout()), api,
						workload, watcher, cost, pipeline, probes));
			}
			phases.add(phase(new LoadPhase.Config("fixed-rate", options.rateBatch(), options.rate(), options.clients(),
					options.duration(), options.maxResults(), options.seed() + 1, options.drainTimeout()), api, workload,
					watcher, cost, pipeline, probes));
			phases.add(phase(new LoadPhase.Config("single-saturation", 1, 0, options.clients(), options.duration(),
					options.maxResults(), options.seed() + 2, options.drainTimeout()), api, workload, watcher, cost, pipeline, probes));
			phases.add(phase(new LoadPhase.Config("batch-saturation", options.batchSize(), 0, options.clients(),
					options.duration(), options.maxResults(), options.seed() + 3, options.drainTimeout()), api, workload,
					watcher, cost, pipeline, probes));
			report.put("phases", phases);
			report.put("watcher", Map.of("scoreDocumentReads", watcher.reads(), "meanRoundMs",
					watcher.meanRoundMillis(), "minIntervalMs", options.pollMillis()));

			// 3. correctness, then the rebuild (which reports the documents that differ from a rebuild from scratch)
			report.put("correctness", new Verification(api, mongo, workload, plans).run(phases));
			cpu = cost.cpuSeconds();
			report.put("rebuild", rebuild(api, plans));
			((Map<String, Object>) report.get("rebuild")).put("cpuSeconds", ProcessCost.minus(cost.cpuSeconds(), cpu));
			((Map<String, Object>) report.get("correctness")).put("rebuildMismatches",
					((Map<String, Object>) report.get("rebuild")).get("differing"));
			report.put("cost", Map.of("cpuSecondsWholeRun", ProcessCost.minus(cost.cpuSeconds(), cpuStart), "memory",
					cost.memory(), "pids", cost.pids()));

			// 4. baselines on the same broker and database, after the pipeline so that they do not disturb it
			report.put("baselines", baselines(settings, mongo, plans));
		}
		report.put("finishedAt", Instant.now().toString());
		return report;
	}

	private Map<String, Object> phase(LoadPhase.Config config, Api api, Workload workload, ScoreWatcher watcher,
			ProcessCost cost, Pipeline pipeline, java.util.Set<String> probes) {
		log("Phase " + config.name() + ": " + (config.rate() > 0 ? config.rate() + " results/s offered"
				: "saturation") + ", " + config.batchSize() + " result(s) per request, " + config.clients()
				+ " clients, " + config.seconds() + " s (at most " + config.maxResults() + " results)");
		var cpu = cost.cpuSeconds();
		var result = new LoadPhase(config, api, json, workload, watcher, pipeline, probes).run();
		result.put("cpuSeconds", ProcessCost.minus(cost.cpuSeconds(), cpu));
		log(String.format("  accepted %d in %.1f s (%.0f/s), scored %d, e2e %.0f/s, latency %s", result.get("accepted"),
				(double) result.get("postSeconds"), (double) result.get("acceptedPerSecond"), result.get("scored"),
				(double) result.get("scoredPerSecond"), result.get("endToEndLatencyMs")));
		return result;
	}

	private List<PlanSpec> generatePlans() {
		var generator = new PlanGenerator(json, PlanGenerator.Shape.named(options.shape()));
		var plans = new ArrayList<PlanSpec>();
		for (int i = 0; i < options.plans(); i++) {
			plans.add(generator.generate(i, options.seed()));
		}
		return plans;
	}

	private Map<String, Object> importPlans(Api api, List<PlanSpec> plans, MongoClient mongo) {
		log("Importing " + plans.size() + " plans (" + plans.stream().mapToInt(p -> p.indicators().size()).sum()
				+ " indicators)");
		long start = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(options.clients());
		var sizes = new ArrayList<Integer>();
		try {
			var futures = new ArrayList<Future<?>>();
			for (PlanSpec plan : plans) {
				var body = json.createObjectNode();
				body.set("plan", plan.content());
				var act = body.putObject("approvalAct");
				act.put("type", "Deliberazione della Giunta (approvazione del Piano della performance)");
				act.put("number", "1");
				act.put("date", PlanGenerator.YEAR + "-01-31");
				String text = body.toString();
				sizes.add(text.length());
				futures.add(pool.submit(() -> {
					var response = api.post(api.plan + "/api/plans/import", text, Api.planner(plan.planId()));
					if (response.status() != 201) {
						throw new IllegalStateException("import of " + plan.planId() + " refused: " + response.status()
								+ " " + response.body());
					}
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("plan import failed", e);
		}
		finally {
			pool.shutdown();
		}
		long imported = System.nanoTime();
		// monitoring-service must know every plan before results are accepted; reporting-service must have its scores
		var monitoringPlans = mongo.getDatabase("monitoring").getCollection("plan_versions");
		var scores = mongo.getDatabase("reporting").getCollection("scores");
		long deadline = System.nanoTime() + Duration.ofMinutes(15).toNanos();
		long known = 0;
		long scored = 0;
		while (System.nanoTime() < deadline) {
			// by _id (both ids start with the plan id): a planId filter makes the embedded store decode every document
			known = monitoringPlans.countDocuments(Filters.regex("_id", "^bench-"));
			scored = scores.countDocuments(ScoreDocuments.BENCH_SUMMARIES);
			if (known >= plans.size() && scored >= 2L * plans.size()) {
				break;
			}
			sleep(2000);
		}
		if (known < plans.size() || scored < 2L * plans.size()) {
			throw new IllegalStateException("plans not received in time: monitoring " + known + ", reporting " + scored);
		}
		long ready = System.nanoTime();
		var out = new LinkedHashMap<String, Object>();
		out.put("plans", plans.size());
		out.put("indicators", plans.stream().mapToInt(p -> p.indicators().size()).sum());
		out.put("meanImportBytes", sizes.stream().mapToInt(Integer::intValue).average().orElse(0));
		out.put("importSeconds", (imported - start) / 1e9);
		out.put("readySeconds", (ready - start) / 1e9);
		log(String.format("  imported in %.1f s, known to monitoring and scored by reporting after %.1f s",
				(imported - start) / 1e9, (ready - start) / 1e9));
		return out;
	}

	/**
	 * Rebuilds every score document from the facts, plan by plan, each as its entity's planner (with security, a
	 * planner rebuilds the plans of its own entity only), and times the whole.
	 */
	private Map<String, Object> rebuild(Api api, List<PlanSpec> plans) {
		log("Rebuilding every score document from the facts (POST /api/admin/rebuild?planId=, plan by plan)");
		long start = System.nanoTime();
		int documents = 0;
		var differing = new ArrayList<String>();
		for (PlanSpec plan : plans) {
			var response = api.post(api.reporting + "/api/admin/rebuild?planId=" + plan.planId(), "",
					Api.planner(plan.planId()));
			if (response.status() != 200) {
				throw new IllegalStateException("rebuild of " + plan.planId() + " failed: " + response.status() + " "
						+ response.body());
			}
			JsonNode body = json.readTree(response.body());
			documents += body.path("rebuilt").size();
			body.path("differing").forEach(d -> differing.add(d.asString()));
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		var out = new LinkedHashMap<String, Object>();
		out.put("plans", plans.size());
		out.put("documents", documents);
		out.put("seconds", seconds);
		out.put("differing", differing.size());
		out.put("differingSample", differing.subList(0, Math.min(10, differing.size())));
		log(String.format("  %d documents in %.1f s, %d differing", documents, seconds, differing.size()));
		return out;
	}

	private Map<String, Object> baselines(Settings settings, MongoClient mongo, List<PlanSpec> plans) {
		var out = new LinkedHashMap<String, Object>();
		int eventSize = KafkaBaseline.meanEventSize(settings.kafkaBrokers(), "result-events", 1200);
		log("Baseline: Kafka produce -> consume, " + eventSize + "-byte messages");
		out.put("kafka", new KafkaBaseline(settings.kafkaBrokers(), eventSize).run(options.baselineMessages(),
				options.rate(), options.baselineRateSeconds()));
		Document resultDocument = MongoBaseline.medianDocument(
				mongo.getDatabase("monitoring").getCollection("results"), 500);
		Document scoreDocument = MongoBaseline.medianDocument(mongo.getDatabase("reporting").getCollection("scores"),
				50);
		if (resultDocument != null) {
			log("Baseline: MongoDB driver insert/update (" + MongoBaseline.size(resultDocument)
					+ "-byte documents) and score-document read+replace");
			out.put("mongodb", new MongoBaseline(mongo, options.clients()).run(resultDocument, scoreDocument,
					options.baselineDocuments(), plans.stream().map(PlanSpec::planId).toList(),
					PlanGenerator.CHECKPOINTS));
		}
		return out;
	}

	private Map<String, Object> optionsMap() {
		var out = new LinkedHashMap<String, Object>();
		out.put("plans", options.plans());
		out.put("shape", options.shape());
		out.put("reportingReplicas", options.reportingReplicas());
		out.put("clients", options.clients());
		out.put("rate", options.rate());
		out.put("rateBatch", options.rateBatch());
		out.put("seed", options.seed());
		out.put("duration", options.duration());
		out.put("maxResults", options.maxResults());
		out.put("batchSize", options.batchSize());
		out.put("corrections", options.corrections());
		out.put("invalid", options.invalid());
		out.put("drainTimeout", options.drainTimeout());
		out.put("pollMs", options.pollMillis());
		out.put("probePlans", options.probePlans());
		out.put("javaOptions", options.javaOptions());
		return out;
	}

	private void write(Map<String, Object> report) throws IOException {
		Files.createDirectories(options.output());
		String stamp = Instant.now().toString().replace(":", "").replaceAll("\\..*", "");
		Path file = options.output().resolve("benchmark-" + stamp + ".json");
		String text = json.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report);
		Files.writeString(file, text);
		Files.writeString(options.output().resolve("benchmark.json"), text);
		log("Report written to " + file);
	}

	static void log(String message) {
		System.out.println("[benchmark " + java.time.LocalTime.now().withNano(0) + "] " + message);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	private static Map<String, Long> withReplicas(Map<String, Long> stack, Map<String, Long> replicas) {
		var out = new LinkedHashMap<String, Long>(stack);
		out.putAll(replicas);
		return out;
	}

	private static int freePort() {
		try (var socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
	}

	private static void delete(Path folder) {
		try (Stream<Path> files = Files.walk(folder)) {
			files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
		}
		catch (IOException e) {
			System.err.println("Could not delete " + folder + ": " + e.getMessage());
		}
	}

}
