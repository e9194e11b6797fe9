package org.cicloperformance.monitoringservice.support;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/** Removes relayed events from the {@code outbox} arrays of a collection's documents. */
public final class OutboxPulls {

	private OutboxPulls() {
	}

	/** One unordered bulk write: per document, one update by {@code _id} pulling its relayed events. */
	public static void pull(MongoCollection<Document> collection, Map<String, List<String>> eventIdsByDocument) {
		if (eventIdsByDocument.isEmpty()) {
			return;
		}
		List<UpdateOneModel<Document>> pulls = eventIdsByDocument.entrySet().stream()
				.map(e -> new UpdateOneModel<Document>(Filters.eq("_id", e.getKey()), Updates.pullByFilter(
						new Document("outbox", new Document("eventId", new Document("$in", e.getValue()))))))
				.toList();
		collection.bulkWrite(pulls, new BulkWriteOptions().ordered(false));
	}
}
