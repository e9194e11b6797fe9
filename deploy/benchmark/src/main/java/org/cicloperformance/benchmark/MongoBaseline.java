package org.cicloperformance.benchmark;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.bson.Document;
import org.bson.RawBsonDocument;

/**
 * The database's own speed with the MongoDB sync driver and no Spring, on the same server (a separate database):
 * inserts and updates of documents of the size of monitoring-service's result documents with the same number of
 * clients, read + replace of documents of the size of reporting-service's score documents from one thread (its
 * consumer is one thread), and the I/O of a rebuild (read every result fact, read and replace every score document).
 */
final class MongoBaseline {

	private final MongoClient client;

	private final int clients;

	MongoBaseline(MongoClient client, int clients) {
		this.client = client;
		this.clients = clients;
	}

	/** The median-sized document of a collection (as stored), or null when it is empty. */
	static Document medianDocument(MongoCollection<Document> collection, int sample) {
		var raw = collection.withDocumentClass(RawBsonDocument.class).find().limit(sample).into(new ArrayList<>());
		if (raw.isEmpty()) {
			return null;
		}
		raw.sort(java.util.Comparator.comparingInt(d -> d.getByteBuffer().remaining()));
		return Document.parse(raw.get(raw.size() / 2).toJson());
	}

	static int size(Document document) {
		return RawBsonDocument.parse(document.toJson()).getByteBuffer().remaining();
	}

	Map<String, Object> run(Document resultDocument, Document scoreDocument, int documents, List<String> planIds,
			List<String> checkpoints) {
		var database = client.getDatabase("benchmark_baseline");
		database.drop();
		var out = new LinkedHashMap<String, Object>();
		var results = database.getCollection("results");
		out.put("resultDocumentBytes", size(resultDocument));
		out.put("insert", timed(documents, i -> {
			var copy = new Document(resultDocument);
			copy.put("_id", "baseline-" + i);
			results.insertOne(copy);
		}, clients));
		// the store's own bulk limit: the same documents in insertMany of 100, as the batch phase sends them
		var bulk = database.getCollection("bulk");
		int bulkBatches = Math.max(1, documents / 100);
		Map<String, Object> bulkInsert = timed(bulkBatches, i -> {
			var batch = new ArrayList<Document>(100);
			for (int j = 0; j < 100; j++) {
				var copy = new Document(resultDocument);
				copy.put("_id", "bulk-" + i + "-" + j);
				batch.add(copy);
			}
			bulk.insertMany(batch);
		}, clients);
		bulkInsert.put("documentsPerSecond", ((Number) bulkInsert.get("perSecond")).doubleValue() * 100);
		out.put("bulkInsert100", bulkInsert);
		Document versions = new Document("payload", resultDocument.get("versions"));
		var random = new Random(1);
		out.put("update", timed(documents, i -> results.updateOne(
				Filters.eq("_id", "baseline-" + (i * 7919L % documents)),
				Updates.combine(Updates.set("payload", versions.get("payload")), Updates.inc("currentVersion", 1)))
				.getModifiedCount(), clients));
		if (scoreDocument != null) {
			var scores = database.getCollection("scores");
			int count = Math.max(1, Math.min(400, planIds.size() * checkpoints.size()));
			for (int i = 0; i < count; i++) {
				var copy = new Document(scoreDocument);
				copy.put("_id", "baseline-" + i);
				scores.insertOne(copy);
			}
			out.put("scoreDocumentBytes", size(scoreDocument));
			int rounds = Math.max(200, count);
			out.put("scoreReadReplace1Thread", timed(rounds, i -> {
				String id = "baseline-" + (random.nextInt(count));
				var document = scores.find(Filters.eq("_id", id)).first();
				scores.replaceOne(Filters.eq("_id", id), document);
			}, 1));
			out.put("rebuildIo", rebuildIo(planIds, checkpoints, scores));
		}
		database.drop();
		return out;
	}

	/** What a rebuild reads and writes, with the raw driver: every result fact and score document, one thread. */
	private Map<String, Object> rebuildIo(List<String> planIds, List<String> checkpoints,
			MongoCollection<Document> copies) {
		var facts = client.getDatabase("reporting").getCollection("results");
		var scores = client.getDatabase("reporting").getCollection("scores");
		long start = System.nanoTime();
		int factsRead = 0;
		int documents = 0;
		for (String planId : planIds) {
			for (String checkpoint : checkpoints) {
				factsRead += facts.find(Filters.and(Filters.eq("planId", planId), Filters.eq("checkpoint", checkpoint)))
					.into(new ArrayList<>()).size();
				var document = scores.find(Filters.eq("_id", planId + "#" + checkpoint)).first();
				if (document != null) {
					document.put("_id", "rebuild-" + documents);
					copies.insertOne(document);
					copies.replaceOne(Filters.eq("_id", "rebuild-" + documents), document);
					documents++;
				}
			}
		}
		var out = new LinkedHashMap<String, Object>();
		out.put("seconds", (System.nanoTime() - start) / 1e9);
		out.put("factsRead", factsRead);
		out.put("scoreDocuments", documents);
		out.put("note", "read every fact, read + insert + replace every score document (raw driver, one thread)");
		return out;
	}

	interface Operation {

		void run(int i) throws Exception;
	}

	private static Map<String, Object> timed(int operations, Operation operation, int threads) {
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		var counter = new AtomicInteger();
		long start = System.nanoTime();
		try {
			var futures = new ArrayList<Future<?>>();
			for (int t = 0; t < threads; t++) {
				futures.add(pool.submit(() -> {
					for (int i = counter.getAndIncrement(); i < operations; i = counter.getAndIncrement()) {
						operation.run(i);
					}
					return null;
				}));
			}
			for (var future : futures) {
				future.get();
			}
		}
		catch (Exception e) {
			throw new IllegalStateException("baseline failed", e);
		}
		finally {
			pool.shutdown();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		var out = new LinkedHashMap<String, Object>();
		out.put("operations", operations);
		out.put("threads", threads);
		out.put("seconds", seconds);
		out.put("perSecond", operations / seconds);
		return out;
	}
}
