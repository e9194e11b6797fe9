package org.cicloperformance.monitoringservice.result;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.result.ResultDocument.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code results}. Every write is one single-document atomic operation (mongo-java-server has no
 * multi-document transactions): the first version is an insert, each later one a compare-and-set on
 * {@code currentVersion} that pushes the version and its outbox entry together.
 */
@Component
public class ResultStore {

	static final String COLLECTION = "results";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	ResultStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void createIndexes() {
		collection().createIndex(Indexes.ascending("planId", "checkpoint"));
		collection().createIndex(Indexes.ascending("entity", "planId"));
	}

	public Optional<ResultDocument> find(String id) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(this::read);
	}

	/** Inserts version 1; false when another writer created the document first. */
	boolean insertFirst(ResultDocument document) {
		try {
			collection().insertOne(codec.toDocument(document));
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
		return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("currentVersion", expectedVersion)),
				update).getModifiedCount() == 1;
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
		return collection().updateOne(filter, update).getModifiedCount() == 1;
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

	/** Documents with events still to relay, with only their outbox loaded. */
	public List<ResultDocument> withPendingEvents() {
		return collection().find(Filters.exists("outbox.0"))
				.projection(Projections.include("planId", "outbox", "currentVersion"))
				.map(this::read).into(new ArrayList<>());
	}

	/** Removes a relayed event from its document's outbox. */
	public void removeFromOutbox(String id, String eventId) {
		collection().updateOne(Filters.eq("_id", id), Updates.pullByFilter(new Document("outbox", new Document("eventId", eventId))));
	}

	private ResultDocument read(Document document) {
		return codec.fromDocument(document, ResultDocument.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
