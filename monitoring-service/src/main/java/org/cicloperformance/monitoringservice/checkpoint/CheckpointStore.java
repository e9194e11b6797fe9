package org.cicloperformance.monitoringservice.checkpoint;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Submission;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.result.ResultDocument.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code checkpoints}. Every transition is ONE single-document atomic operation: the first one inserts
 * the document (a duplicate key means another writer won), each later one is a compare-and-set on
 * {@code revision} that sets the status and pushes the submission/verdict/transition and the event together.
 */
@Component
public class CheckpointStore {

	static final String COLLECTION = "checkpoints";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	CheckpointStore(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	public void createIndexes() {
		collection().createIndex(Indexes.ascending("entity", "planId"));
	}

	public Optional<CheckpointDocument> find(String planId, String checkpoint) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", CheckpointDocument.idOf(planId, checkpoint)))
				.first()).map(this::read);
	}

	/** What one transition writes: the new status and closing number, the entries it appends, its event. */
	record Change(CheckpointStatus status, int closing, Submission submission, VerdictEntry verdict,
			Transition transition, OutboxEntry event) {
	}

	/** Applies the change if the document is still at {@code current}'s revision; false on a lost race. */
	boolean apply(CheckpointDocument current, Change change) {
		if (current.revision() == 0) {
			CheckpointDocument created = new CheckpointDocument(current.id(), current.planId(), current.entity(),
					current.checkpoint(), change.status(), 1, change.closing(), listOf(change.submission()),
					listOf(change.verdict()), listOf(change.transition()), List.of(change.event()));
			try {
				collection().insertOne(codec.toDocument(created));
				return true;
			}
			catch (MongoWriteException e) {
				if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
					return false;
				}
				throw e;
			}
		}
		List<Bson> updates = new ArrayList<>();
		updates.add(Updates.set("status", change.status().name()));
		updates.add(Updates.set("closing", change.closing()));
		updates.add(Updates.set("revision", current.revision() + 1));
		if (change.submission() != null) {
			updates.add(Updates.push("submissions", codec.toDocument(change.submission())));
		}
		if (change.verdict() != null) {
			updates.add(Updates.push("verdicts", codec.toDocument(change.verdict())));
		}
		if (change.transition() != null) {
			updates.add(Updates.push("history", codec.toDocument(change.transition())));
		}
		updates.add(Updates.push("outbox", codec.toDocument(change.event())));
		return collection().updateOne(
				Filters.and(Filters.eq("_id", current.id()), Filters.eq("revision", current.revision())),
				Updates.combine(updates)).getModifiedCount() == 1;
	}

	private static <T> List<T> listOf(T item) {
		return item == null ? List.of() : List.of(item);
	}

	/** Documents with events still to relay, with only their outbox loaded. */
	public List<CheckpointDocument> withPendingEvents() {
		return collection().find(Filters.exists("outbox.0"))
				.projection(Projections.include("planId", "checkpoint", "outbox", "revision", "closing"))
				.map(this::read).into(new ArrayList<>());
	}

	public void removeFromOutbox(String id, String eventId) {
		collection().updateOne(Filters.eq("_id", id),
				Updates.pullByFilter(new Document("outbox", new Document("eventId", eventId))));
	}

	private CheckpointDocument read(Document document) {
		return codec.fromDocument(document, CheckpointDocument.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
