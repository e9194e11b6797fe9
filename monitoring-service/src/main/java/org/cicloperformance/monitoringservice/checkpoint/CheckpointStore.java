package org.cicloperformance.monitoringservice.checkpoint;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Submission;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.outbox.OutboxWrite;
import org.cicloperformance.monitoringservice.outbox.OutboxWrites;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code checkpoints}. Every transition is ONE single-document atomic operation: the first one inserts
 * the document (a duplicate key means another writer won), each later one is a compare-and-set on
 * {@code revision} that sets the status and pushes the submission/verdict/transition and the event together. The
 * compare-and-set filter is the flat document {@code {_id, revision}}, exactly the keys of a unique index (which
 * mongo-java-server then uses instead of scanning).
 */
@Component
class CheckpointStore implements Indexed {

	static final String COLLECTION = "checkpoints";

	private final MongoTemplate mongo;

	private final DocumentCodec codec = new DocumentCodec();

	private final OutboxWrites outbox;

	CheckpointStore(MongoTemplate mongo, @Qualifier("checkpointsOutbox") OutboxWrites outbox) {
		this.mongo = mongo;
		this.outbox = outbox;
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("entity", "planId"));
		collection().createIndex(Indexes.ascending("_id", "revision"), new IndexOptions().unique(true));
	}

	public Optional<CheckpointDocument> find(String planId, String checkpoint) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", CheckpointDocument.idOf(planId, checkpoint)))
				.first()).map(this::read);
	}

	/** The existing documents among {@code ids}, by id, read with one query. */
	Map<String, CheckpointDocument> findAll(Collection<String> ids) {
		Map<String, CheckpointDocument> found = new HashMap<>();
		if (!ids.isEmpty()) {
			collection().find(Filters.in("_id", ids)).map(this::read).forEach(d -> found.put(d.id(), d));
		}
		return found;
	}

	/** What one transition writes: the new status and closing number, the entries it appends, its event. */
	record Change(CheckpointStatus status, int closing, Submission submission, VerdictEntry verdict,
			Transition transition, OutboxEntry event) {
	}

	/** Applies the change if the document is still at {@code current}'s revision; false on a lost race. */
	boolean apply(CheckpointDocument current, Change change) {
		try (OutboxWrite write = outbox.begin()) {
			boolean applied;
			try {
				applied = current.revision() == 0 ? create(current, change, write) : update(current, change, write);
			}
			catch (MongoWriteException e) {
				throw e;
			}
			catch (RuntimeException e) {
				write.uncertain(List.of(current.id()));
				throw e;
			}
			if (applied) {
				write.written(current.id(), List.of(change.event()));
			}
			return applied;
		}
	}

	private boolean create(CheckpointDocument current, Change change, OutboxWrite write) {
		CheckpointDocument created = new CheckpointDocument(current.id(), current.planId(), current.entity(),
				current.checkpoint(), change.status(), 1, change.closing(), listOf(change.submission()),
				listOf(change.verdict()), listOf(change.transition()), List.of(change.event()));
		try {
			collection().insertOne(write.stampedDocument(codec.toDocument(created)));
			return true;
		}
		catch (MongoWriteException e) {
			if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
				return false;
			}
			throw e;
		}
	}

	private boolean update(CheckpointDocument current, Change change, OutboxWrite write) {
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
		updates.add(Updates.push("outbox", write.stamped(codec.toDocument(change.event()))));
		updates.add(write.lastEventAt());
		Document expected = new Document("_id", current.id()).append("revision", current.revision());
		return collection().updateOne(expected, Updates.combine(updates)).getModifiedCount() == 1;
	}

	private static <T> List<T> listOf(T item) {
		return item == null ? List.of() : List.of(item);
	}

	private CheckpointDocument read(Document document) {
		return codec.fromDocument(document, CheckpointDocument.class);
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
