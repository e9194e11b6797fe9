package org.cicloperformance.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastIndexH2BackendTest {

	@TempDir
	Path folder;

	@Test
	void readsAndGuardsTheIndexesOfADataFolderWrittenByTheLibrarysBackendAndViceVersa() {
		String file = folder.resolve("mongo.mv").toString();
		withServer(new H2Backend(file), facts -> {
			facts.createIndex(Indexes.ascending("plan", "n"), new IndexOptions().unique(true));
			facts.insertMany(documents(0, 500));
			return null;
		});

		withServer(new FastIndexH2Backend(MVStore.open(file)), facts -> {
			IntStream.range(0, 500).forEach(i -> {
				assertThat(facts.countDocuments(Filters.eq("_id", "fact-" + i))).isOne();
				assertThat(facts.countDocuments(Filters.and(Filters.eq("plan", "plan-" + i % 7), Filters.eq("n", i)))).isOne();
			});
			assertDuplicateRefused(facts, 42);
			facts.insertMany(documents(500, 1000));
			return null;
		});

		withServer(new H2Backend(file), facts -> {
			assertThat(facts.countDocuments()).isEqualTo(1000);
			IntStream.range(0, 1000).forEach(i ->
					assertThat(facts.countDocuments(Filters.eq("_id", "fact-" + i))).isOne());
			assertDuplicateRefused(facts, 777);
			return null;
		});
	}

	@Test
	void keepsUniqueIndexesUniqueUnderUpdatesAndDeletes() {
		withServer(new FastIndexH2Backend(MVStore.open(folder.resolve("mongo.mv").toString())), facts -> {
			facts.createIndex(Indexes.ascending("plan", "n"), new IndexOptions().unique(true));
			facts.insertMany(documents(0, 200));
			facts.deleteOne(Filters.eq("_id", "fact-10"));
			facts.updateOne(Filters.eq("_id", "fact-11"), new Document("$set", new Document("n", -1)));
			facts.insertOne(new Document("_id", "fact-10").append("plan", "plan-" + 11 % 7).append("n", 11));
			assertThatThrownBy(() -> facts.insertOne(new Document("_id", "other").append("plan", "plan-" + 11 % 7).append("n", -1)))
					.isInstanceOf(MongoWriteException.class);
			assertThat(facts.countDocuments()).isEqualTo(200);
			assertThat(facts.find(Filters.eq("n", -1)).first()).containsEntry("_id", "fact-11");
			return null;
		});
	}

	private static void assertDuplicateRefused(MongoCollection<Document> facts, int i) {
		assertThatThrownBy(() -> facts.insertOne(new Document("_id", "copy").append("plan", "plan-" + i % 7).append("n", i)))
				.isInstanceOfSatisfying(MongoWriteException.class,
						e -> assertThat(e.getError().getCategory()).isEqualTo(ErrorCategory.DUPLICATE_KEY));
		assertThatThrownBy(() -> facts.insertOne(new Document("_id", "fact-" + i)))
				.isInstanceOf(MongoWriteException.class);
	}

	private static List<Document> documents(int from, int to) {
		List<Document> documents = new ArrayList<>();
		for (int i = from; i < to; i++) {
			documents.add(new Document("_id", "fact-" + i).append("plan", "plan-" + i % 7).append("n", i));
		}
		return documents;
	}

	private static void withServer(MongoBackend backend, Function<MongoCollection<Document>, Void> work) {
		MongoServer server = new MongoServer(backend);
		try {
			var address = server.bind();
			try (MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
				work.apply(client.getDatabase("reporting").getCollection("facts"));
			}
		}
		finally {
			server.shutdown();
		}
	}
}
