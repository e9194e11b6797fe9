package org.cicloperformance.monitoringservice.result;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.outbox.OutboxWrites;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code results}. Every write is one single-document atomic operation (mongo-java-server has no
 * multi-document transactions): the first version is an insert, each later one a compare-and-set on
 * {@code currentVersion} that pushes the version and its outbox entry together. The compare-and-set filter is the
 * flat document {@code {_id, currentVersion}}, exactly the keys of a unique index, which mongo-java-server then uses
 * instead of scanning the collection (on MongoDB it is an ordinary index).
 */
@Component
public class ResultStore implements Indexed {

	static final String COLLECTION = "results";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	private final OutboxWrites outbox;

	ResultStore(MongoTemplate mongo, @Qualifier("resultsOutbox") OutboxWrites outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "checkpoint"));
		collection().createIndex(Indexes.ascending("entity", "planId"));
		collection().createIndex(Indexes.ascending("_id", "currentVersion"), new IndexOptions().unique(true));
	}

	public Optional<ResultDocument> find(String id) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(this::read);
	}

	/** The current version of a result, without reading (and decoding) its versions; empty when there is none. */
	OptionalInt currentVersion(String id) {
		Document head = collection().find(Filters.eq("_id", id)).projection(Projections.include("currentVersion"))
				.first();
		return head == null ? OptionalInt.empty() : OptionalInt.of(head.get("currentVersion", Number.class).intValue());
	}

	/** Inserts version 1; false when another writer created the document first. */
	boolean insertFirst(ResultDocument document) {
		try {
			collection().insertOne(codec.toDocument(document));
			outbox.written(document.id());
			return true;
		}
		catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw e;
		}
	}

	/** Appends version n+1 and its event if the document is still at version n; false on a lost race. */
	boolean append(String id, int expectedVersion, ResultVersion version, OutboxEntry event) {
		Bson update = Updates.combine(
				Updates.set("currentVersion", version.version()),
				Updates.push("versions", codec.toDocument(version)),
				Updates.push("outbox", codec.toDocument(event)));
		Document expected = new Document("_id", id).append("currentVersion", expectedVersion);
		if (collection().updateOne(expected, update).getModifiedCount() != 1) {
			return false;
		}
		outbox.written(id);
		return true;
	}

	/**
	 * Appends an attached file's metadata and its event in one update, if the result is still at version
	 * {@code expectedVersion} and has no file with the same bytes yet; false otherwise (the caller reads again).
	 * Versions and attachments are appended by different updates that never overwrite each other.
	 */
	public boolean attach(String id, int expectedVersion, AttachedEvidence evidence, OutboxEntry event) {
		Bson filter = Filters.and(Filters.eq("_id", id), Filters.eq("currentVersion", expectedVersion),
				Filters.ne("evidenceFiles.sha256", evidence.sha256()));
		Bson update = Updates.combine(
				Updates.push("evidenceFiles", codec.toDocument(evidence)),
				Updates.push("outbox", codec.toDocument(event)));
		// uploads are rare: the $ne guard against a second copy of the same bytes is worth a scan on the embedded store
		if (collection().updateOne(filter, update).getModifiedCount() != 1) {
			return false;
		}
		outbox.written(id);
		return true;
	}

	/** The results of one entity, optionally of one plan and/or checkpoint. */
	public List<ResultDocument> byPlan(String entity, String planId, String checkpoint) {
		List<Bson> filters = new ArrayList<>();
		filters.add(Filters.eq("entity", entity));
		if (planId != null) {
			filters.add(Filters.eq("planId", planId));
		}
		if (checkpoint != null) {
			filters.add(Filters.eq("checkpoint", checkpoint));
		}
		return collection().find(Filters.and(filters)).sort(Sorts.ascending("_id")).map(this::read).into(new ArrayList<>());
	}

	private ResultDocument read(Document document) {
		return codec.fromDocument(document, ResultDocument.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
