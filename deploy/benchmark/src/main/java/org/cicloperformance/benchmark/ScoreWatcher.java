package org.cicloperformance.benchmark;

import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;

/**
 * Sees when an acknowledged result is scored: it polls reporting-service's read model (MongoDB database
 * {@code reporting}, collection {@code scores}: a summary per plan and checkpoint, then the parts it names) with
 * the MongoDB driver, as a reader does ({@link ScoreDocuments}), reading only the result version each indicator
 * was scored with. A result is visible once its document shows
 * that version or a later one. Only documents with results in flight are read, each at most every
 * {@code minInterval} (or a twentieth of the age of its oldest result in flight): a latency is late by at most
 * max(minInterval, 5%).
 */
final class ScoreWatcher implements AutoCloseable {

	/** What a phase learns from the watcher. */
	static final class Phase {

		final String name;

		final Latencies latencies = new Latencies();

		final AtomicLong pending = new AtomicLong();

		final AtomicLong scored = new AtomicLong();

		volatile long lastScoredNanos;

		Phase(String name) {
			this.name = name;
		}
	}

	private record Waiting(String indicatorKey, int version, long ackNanos, Phase phase) {
	}

	private final MongoCollection<Document> scores;

	private final long minIntervalNanos;

	private final Map<String, List<Waiting>> waiting = new ConcurrentHashMap<>();

	private final Map<String, Long> lastRead = new HashMap<>();

	private final Thread thread;

	private final AtomicLong reads = new AtomicLong();

	private final AtomicLong rounds = new AtomicLong();

	private final AtomicLong roundNanos = new AtomicLong();

	private volatile boolean running = true;

	ScoreWatcher(MongoCollection<Document> scores, long minIntervalMillis) {
		this.scores = scores;
		this.minIntervalNanos = minIntervalMillis * 1_000_000L;
		this.thread = new Thread(this::loop, "score-watcher");
		thread.setDaemon(true);
		thread.start();
	}

	void expect(String documentId, String indicatorKey, int version, long ackNanos, Phase phase) {
		phase.pending.incrementAndGet();
		waiting.compute(documentId, (id, list) -> {
			var out = list == null ? new ArrayList<Waiting>() : list;
			out.add(new Waiting(indicatorKey, version, ackNanos, phase));
			return out;
		});
	}

	long reads() {
		return reads.get();
	}

	/** Mean time to go once over the documents with results in flight, in milliseconds. */
	double meanRoundMillis() {
		long n = rounds.get();
		return n == 0 ? 0 : roundNanos.get() / 1e6 / n;
	}

	private void loop() {
		while (running) {
			long roundStart = System.nanoTime();
			int read = 0;
			for (String id : new ArrayList<>(waiting.keySet())) {
				Long last = lastRead.get(id);
				long now = System.nanoTime();
				if (last != null && now - last < interval(id, now)) {
					continue;
				}
				lastRead.put(id, now);
				try {
					check(id);
				}
				catch (RuntimeException e) {
					// the document may not exist yet, or the database is busy: try again next round
				}
				read++;
			}
			if (read > 0) {
				rounds.incrementAndGet();
				roundNanos.addAndGet(System.nanoTime() - roundStart);
			}
			else {
				sleep(2);
			}
		}
	}

	private void check(String id) {
		Map<String, Integer> versions = ScoreDocuments.versions(scores, id);
		reads.incrementAndGet();
		long seen = System.nanoTime();
		if (versions == null) {
			return;
		}
		waiting.computeIfPresent(id, (key, list) -> {
			var left = new ArrayList<Waiting>();
			for (Waiting w : list) {
				Integer scored = versions.get(w.indicatorKey());
				if (scored != null && scored >= w.version()) {
					w.phase().latencies.add(Math.max(0, (seen - w.ackNanos()) / 1000));
					w.phase().scored.incrementAndGet();
					w.phase().pending.decrementAndGet();
					w.phase().lastScoredNanos = seen;
				}
				else {
					left.add(w);
				}
			}
			return left.isEmpty() ? null : left;
		});
	}

	/**
	 * How long to wait before reading a document again: {@code minInterval}, or a twentieth of the age of its oldest
	 * result in flight when that is longer, so that a latency is late by at most max(minInterval, 5%) and a slow
	 * pipeline is not read more often than that needs.
	 */
	private long interval(String id, long now) {
		long[] oldest = { now };
		// inside compute: the list is only ever changed under the map's lock for its key
		waiting.computeIfPresent(id, (key, list) -> {
			for (Waiting w : list) {
				oldest[0] = Math.min(oldest[0], w.ackNanos());
			}
			return list;
		});
		return Math.max(minIntervalNanos, (now - oldest[0]) / 20);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public void close() {
		running = false;
		try {
			thread.join(5000);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
