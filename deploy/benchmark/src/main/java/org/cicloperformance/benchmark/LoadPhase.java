package org.cicloperformance.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.cicloperformance.benchmark.Workload.Item;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One load phase: {@code clients} threads post results to monitoring-service, either as fast as they are answered
 * (closed loop, saturation) or on a fixed schedule (open loop, {@code rate} results/s); then the phase waits until
 * every acknowledged result is visible in reporting-service's scores. Invalid results are always posted alone, so
 * that a batch is never refused for them.
 */
final class LoadPhase {

	record Config(String name, int batchSize, int rate, int clients, int seconds, int maxResults, long seed,
			int drainTimeoutSeconds) {
	}

	private final Config config;

	private final Api api;

	private final JsonMapper json;

	private final Workload workload;

	private final ScoreWatcher watcher;

	private final ScoreWatcher.Phase watch;

	private final AtomicInteger posted = new AtomicInteger();

	private final AtomicLong accepted = new AtomicLong();

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong invalidPosted = new AtomicLong();

	private final AtomicLong invalidRefused = new AtomicLong();

	private final AtomicLong invalidAccepted = new AtomicLong();

	private final AtomicLong late = new AtomicLong();

	private final Map<Integer, AtomicLong> failures = new ConcurrentHashMap<>();

	private final Map<Integer, String> failureSamples = new ConcurrentHashMap<>();

	private final Latencies requestLatencies = new Latencies();

	private final Pipeline pipeline;

	private final java.util.Set<String> probes;

	private long notScored;

	LoadPhase(Config config, Api api, JsonMapper json, Workload workload, ScoreWatcher watcher, Pipeline pipeline,
			java.util.Set<String> probes) {
		this.config = config;
		this.api = api;
		this.json = json;
		this.workload = workload;
		this.watcher = watcher;
		this.pipeline = pipeline;
		this.probes = probes;
		this.watch = new ScoreWatcher.Phase(config.name());
	}

	Map<String, Object> run() {
		long start = System.nanoTime();
		long end = start + config.seconds() * 1_000_000_000L;
		var sequence = new AtomicLong();
		var threads = new ArrayList<Thread>();
		for (int t = 0; t < config.clients(); t++) {
			var random = new Random(config.seed() * 7919L + t);
			var thread = new Thread(() -> {
				try {
					if (config.rate() > 0) {
						openLoop(random, start, end, sequence);
					}
					else {
						closedLoop(random, end);
					}
				}
				catch (RuntimeException e) {
					failures.computeIfAbsent(-1, k -> new AtomicLong()).incrementAndGet();
					failureSamples.putIfAbsent(-1, e.toString());
				}
			}, config.name() + "-client-" + t);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			try {
				thread.join();
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
		long postEnd = System.nanoTime();
		long emptied = drain();
		boolean drained = emptied > 0;
		long drainEnd = System.nanoTime();

		double postSeconds = (postEnd - start) / 1e9;
		double e2eSeconds = ((drained ? emptied : drainEnd) - start) / 1e9;
		long scored = accepted.get() - notScored;
		var out = new LinkedHashMap<String, Object>();
		out.put("name", config.name());
		out.put("mode", config.rate() > 0 ? "fixed rate " + config.rate() + " results/s" : "saturation");
		out.put("resultsPerRequest", config.batchSize());
		out.put("clients", config.clients());
		out.put("requests", requests.get());
		out.put("validPosted", posted.get());
		out.put("accepted", accepted.get());
		out.put("invalidPosted", invalidPosted.get());
		out.put("invalidRefused", invalidRefused.get());
		out.put("invalidAccepted", invalidAccepted.get());
		out.put("failures", failureCounts());
		out.put("failureSamples", new LinkedHashMap<>(failureSamples));
		out.put("postSeconds", postSeconds);
		out.put("acceptedPerSecond", accepted.get() / postSeconds);
		if (config.rate() > 0) {
			out.put("offeredPerSecond", config.rate());
			out.put("sentLateOver10ms", late.get());
		}
		out.put("requestLatencyMs", requestLatencies.summary());
		out.put("scored", scored);
		out.put("drained", drained);
		out.put("notScoredAfterDrain", notScored);
		out.put("drainSeconds", (drainEnd - postEnd) / 1e9);
		out.put("endToEndSeconds", e2eSeconds);
		out.put("scoredPerSecond", scored / e2eSeconds);
		out.put("latencySamples", watch.latencies.count());
		out.put("endToEndLatencyMs", watch.latencies.summary());
		return out;
	}

	private Map<String, Long> failureCounts() {
		var out = new LinkedHashMap<String, Long>();
		failures.forEach((status, count) -> out.put(String.valueOf(status), count.get()));
		return out;
	}

	private void closedLoop(Random random, long end) {
		while (System.nanoTime() < end && posted.get() < config.maxResults()) {
			send(random);
		}
	}

	private void openLoop(Random random, long start, long end, AtomicLong sequence) {
		double nanosPerRequest = 1e9 * config.batchSize() / config.rate();
		while (true) {
			long k = sequence.getAndIncrement();
			long due = start + (long) (k * nanosPerRequest);
			if (due >= end || System.nanoTime() >= end || posted.get() >= config.maxResults()) {
				return;
			}
			long wait = due - System.nanoTime();
			if (wait > 0) {
				LockSupport.parkNanos(wait);
			}
			else if (-wait > 10_000_000L) {
				late.incrementAndGet();
			}
			send(random);
		}
	}

	/** Posts one request: a single result, or a batch of valid ones of one plan (invalid draws go alone, first). */
	private void send(Random random) {
		if (config.batchSize() == 1) {
			Item item = workload.next(random);
			if (!item.invalid()) {
				posted.incrementAndGet();
			}
			single(item);
			return;
		}
		var invalidItems = new ArrayList<Item>();
		List<Item> batch = workload.nextBatch(random, config.batchSize(), invalidItems::add);
		invalidItems.forEach(this::single);
		posted.addAndGet(batch.size());
		var body = json.createObjectNode();
		var results = body.putArray("results");
		batch.forEach(i -> results.add(i.body()));
		long sent = System.nanoTime();
		Api.Response response = api.post(api.monitoring + "/api/results/batch", body.toString(),
				Api.office(batch.get(0).slot().plan().planId()));
		long ack = System.nanoTime();
		requests.incrementAndGet();
		requestLatencies.add((ack - sent) / 1000);
		if (response.status() != 201) {
			failed(response, batch.size());
			return;
		}
		JsonNode stored = json.readTree(response.body()).path("results");
		for (int i = 0; i < batch.size(); i++) {
			acknowledged(batch.get(i), stored.get(i).path("version").asInt(), ack);
		}
	}

	private void single(Item item) {
		long sent = System.nanoTime();
		Api.Response response = api.post(api.monitoring + "/api/results", item.body().toString(),
				Api.office(item.slot().plan().planId()));
		long ack = System.nanoTime();
		requests.incrementAndGet();
		requestLatencies.add((ack - sent) / 1000);
		if (item.invalid()) {
			invalidPosted.incrementAndGet();
			if (response.status() == 422) {
				invalidRefused.incrementAndGet();
				return;
			}
			if (response.status() != 201) {
				failed(response, 1);
				return;
			}
			invalidAccepted.incrementAndGet();
		}
		else if (response.status() != 201) {
			failed(response, 1);
			return;
		}
		acknowledged(item, json.readTree(response.body()).path("version").asInt(), ack);
	}

	private void acknowledged(Item item, int version, long ack) {
		accepted.incrementAndGet();
		workload.acknowledged(item, version);
		if (probes.contains(item.slot().scoreDocumentId())) {
			watcher.expect(item.slot().scoreDocumentId(), item.slot().indicatorKey(), version, ack, watch);
		}
	}

	private void failed(Api.Response response, int results) {
		failures.computeIfAbsent(response.status(), k -> new AtomicLong()).addAndGet(results);
		failureSamples.putIfAbsent(response.status(),
				response.body().length() > 500 ? response.body().substring(0, 500) : response.body());
	}

	/**
	 * Waits until the pipeline is empty (monitoring's outbox drained, reporting's consumer caught up, every probe
	 * seen) and every score document shows the version last acknowledged. Returns when the pipeline emptied
	 * (System.nanoTime), or 0 on timeout.
	 */
	private long drain() {
		long deadline = System.nanoTime() + config.drainTimeoutSeconds() * 1_000_000_000L;
		long lastReport = System.nanoTime();
		long emptySince = 0;
		while (System.nanoTime() < deadline) {
			long checked = System.nanoTime();
			long backlog = pipeline.monitoringBacklog();
			long lag = pipeline.reportingLag();
			if (backlog == 0 && lag == 0) {
				emptySince = emptySince == 0 ? checked : emptySince;
				if (watch.pending.get() == 0) {
					notScored = pipeline.unscored(workload);
					if (notScored == 0) {
						return emptySince;
					}
				}
			}
			else {
				emptySince = 0;
			}
			if (System.nanoTime() - lastReport > 15_000_000_000L) {
				Benchmark.log("  " + config.name() + ": outbox backlog " + backlog + ", not yet consumed " + lag
						+ ", probes not yet seen " + watch.pending.get());
				lastReport = System.nanoTime();
			}
			sleep(500);
		}
		notScored = pipeline.unscored(workload);
		return 0;
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	static List<String> names(List<Map<String, Object>> phases) {
		return phases.stream().map(p -> (String) p.get("name")).toList();
	}
}
