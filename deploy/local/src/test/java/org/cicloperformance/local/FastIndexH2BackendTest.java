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
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.bson.Document;
import org.bson.types.Binary;
import org.bson.types.Decimal128;
import org.bson.types.ObjectId;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.BasicDataType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastIndexH2BackendTest {

	@TempDir
	Path folder;

	@Test
	void readsAndGuardsTheIndexesAndDocumentsOfADataFolderWrittenByTheLibrarysBackend() {
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

		// pages now mix the library's values and BSON ones: every document reads back, the index still guards
		withServer(new FastIndexH2Backend(MVStore.open(file)), facts -> {
			assertThat(facts.countDocuments()).isEqualTo(1000);
			IntStream.range(0, 1000).forEach(i -> assertThat(facts.find(Filters.eq("_id", "fact-" + i)).first())
					.containsEntry("n", i).containsEntry("plan", "plan-" + i % 7));
			assertDuplicateRefused(facts, 777);
			return null;
		});
	}

	@Test
	void keepsEveryBsonTypeOfADocumentAcrossARestart() {
		String file = folder.resolve("mongo.mv").toString();
		Document stored = new Document("_id", new ObjectId()).append("int", 42).append("long", 1L << 40)
				.append("double", 82.7).append("decimal", new Decimal128(new BigDecimal("75.3600")))
				.append("text", "Attività più lenta: è mancato personale").append("flag", true)
				.append("nothing", null).append("date", new Date(1_530_316_800_000L))
				.append("bytes", new Binary(new byte[] { 1, 2, 3 }))
				.append("nested", new Document("a", List.of(1, "due", new Document("tre", 3.0))));
		withServer(new FastIndexH2Backend(MVStore.open(file)), facts -> {
			facts.insertOne(stored);
			facts.updateOne(Filters.eq("_id", stored.get("_id")), new Document("$push", new Document("list", 7)));
			return null;
		});

		withServer(new FastIndexH2Backend(MVStore.open(file)), facts -> {
			assertThat(facts.find().first()).isEqualTo(new Document(stored).append("list", List.of(7)));
			return null;
		});
		assertThat(valueTags(file, "databases.reporting.facts")).containsOnly(DocumentValueType.BSON);
	}

	/** The first byte of every value of a map, as stored in the file. */
	private static List<Byte> valueTags(String file, String map) {
		List<Byte> tags = new ArrayList<>();
		BasicDataType<Object> probe = new BasicDataType<>() {

			@Override
			public int getMemory(Object value) {
				return DocumentValueType.INSTANCE.getMemory(value);
			}

			@Override
			public void write(WriteBuffer buffer, Object value) {
				DocumentValueType.INSTANCE.write(buffer, value);
			}

			@Override
			public Object read(ByteBuffer buffer) {
				tags.add(buffer.get(buffer.position()));
				return DocumentValueType.INSTANCE.read(buffer);
			}

			@Override
			public Object[] createStorage(int size) {
				return new Object[size];
			}
		};
		MVStore store = MVStore.open(file);
		try {
			store.openMap(map, new MVMap.Builder<Object, Object>().valueType(probe)).forEach((k, v) -> {
			});
		}
		finally {
			store.close();
		}
		return tags;
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
