package org.cicloperformance.reportingservice.checkpoint;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The events for {@code hr-feed} waiting in the final score documents ({@code HrFeedPublished}) and in the
 * withdrawals ({@code HrFeedWithdrawn}), oldest first across both, so that a closing's publication always goes out
 * before its withdrawal and before the next closing's.
 */
@Component
public class HrFeedOutbox {

	private static final List<String> COLLECTIONS = List.of("final_scores", "hr_feed_withdrawals");

	private final MongoTemplate mongo;

	HrFeedOutbox(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** An event still to send, and where it waits. */
	public record Pending(String collection, String documentId, OutboxEntry event) {
	}

	/** Only the outbox of a document is read. */
	record WithOutbox(@Id String id, List<OutboxEntry> outbox) {
	}

	public List<Pending> pending() {
		List<Pending> pending = new ArrayList<>();
		for (String collection : COLLECTIONS) {
			Query withEvents = Query.query(where("outbox.0").exists(true));
			withEvents.fields().include("outbox");
			for (WithOutbox document : mongo.find(withEvents, WithOutbox.class, collection)) {
				document.outbox().forEach(event -> pending.add(new Pending(collection, document.id(), event)));
			}
		}
		pending.sort(Comparator.comparingLong((Pending p) -> p.event().createdAt()));
		return pending;
	}

	/** Called once Kafka acknowledged the event. */
	public void remove(Pending sent) {
		mongo.getCollection(sent.collection()).updateOne(Filters.eq("_id", sent.documentId()),
				Updates.pullByFilter(new org.bson.Document("outbox",
						new org.bson.Document("eventId", sent.event().eventId()))));
	}
}
