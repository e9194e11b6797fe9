package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox of one collection whose documents carry their own pending events, in an {@code outbox} array written by
 * the same single-document update as the change they describe, and the binding those events go out on. The one
 * adapter for every such collection (see {@link OutboxWiring}): its store calls {@link #written(String)} after each
 * write that added an event, which queues the document for the relay; the relay reads, and after the broker's
 * acknowledgement pulls, the events here.
 */
final class OutboxCollection implements OutboxSource, OutboxWrites {

	private final String binding;

	private final String collection;

	private final MongoTemplate mongo;

	private final OutboxQueue queue;

	private final DocumentCodec codec = new DocumentCodec();

	OutboxCollection(String binding, String collection, MongoTemplate mongo, OutboxQueue queue) {
		this.binding = binding;
		this.collection = collection;
		this.mongo = mongo;
		this.queue = queue;
	}

	/** Called after the write that added an event to the document's outbox has succeeded. */
	@Override
	public void written(String documentId) {
		queue.written(this, documentId);
	}

	@Override
	public String binding() {
		return binding;
	}

	@Override
	public List<Pending> pending() {
		return collection().find(Filters.exists("outbox.0")).projection(Projections.include("outbox"))
				.map(this::read).into(new ArrayList<>());
	}

	@Override
	public List<Pending> pending(Collection<String> documentIds) {
		if (documentIds.isEmpty()) {
			return List.of();
		}
		return collection().find(Filters.in("_id", documentIds)).projection(Projections.include("outbox"))
				.map(this::read).into(new ArrayList<>()).stream().filter(p -> !p.events().isEmpty()).toList();
	}

	/** One unordered bulk write: per document, one update by {@code _id} pulling its relayed events. */
	@Override
	public void removeAll(Map<String, List<String>> eventIdsByDocument) {
		if (eventIdsByDocument.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> pulls = eventIdsByDocument.entrySet().stream()
				.map(e -> new UpdateOneModel<Document>(Filters.eq("_id", e.getKey()), Updates.pullByFilter(
						new Document("outbox", new Document("eventId", new Document("$in", e.getValue()))))))
				.toList();
		collection().bulkWrite(pulls, new BulkWriteOptions().ordered(false));
	}

	private Pending read(Document document) {
		List<Document> outbox = document.getList("outbox", Document.class, List.of());
		return new Pending(String.valueOf(document.get("_id")),
				outbox.stream().map(e -> codec.fromDocument(e, OutboxEntry.class)).toList());
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(collection);
	}

	@Override
	public String toString() {
		return "outbox of " + collection + " → " + binding;
	}
}
