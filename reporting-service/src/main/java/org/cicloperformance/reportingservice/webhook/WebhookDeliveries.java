package org.cicloperformance.reportingservice.webhook;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.InsertOneModel;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * The persisted queue of deliveries, collection {@code webhook_deliveries}, one document per (subscription,
 * event). Every change is one single-document update guarded by the state it expects: a claim sets
 * {@code SENDING} with this instance's claim token and a lease, the outcome of the attempt applies only while the
 * claim is still the one it made, so two replicas never send the same attempt and a crashed instance's claim is
 * taken over when its lease ends (the attempt may then be sent twice: at-least-once, receivers deduplicate by the
 * event id).
 */
@Component
public class WebhookDeliveries implements org.springframework.beans.factory.InitializingBean {

	static final String COLLECTION = "webhook_deliveries";

	public static final int MAX_LIST = 200;

	private final MongoTemplate mongo;

	WebhookDeliveries(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** On the start-up thread, as the service's other indexes (mongo-java-server and concurrent index creation). */
	@Override
	public void afterPropertiesSet() {
		deliveries().createIndex(new Document("state", 1).append("nextAttemptAt", 1));
		deliveries().createIndex(new Document("entity", 1).append("createdAt", -1));
		mongo.getCollection(WebhookSubscriptions.COLLECTION).createIndex(new Document("entity", 1));
	}

	private MongoCollection<Document> deliveries() {
		return mongo.getCollection(COLLECTION);
	}

	/** Queues the deliveries; those already queued (the same event consumed again) are left as they are. */
	void enqueue(List<Document> documents) {
		if (documents.isEmpty()) {
			return;
		}
		try {
			deliveries().bulkWrite(documents.stream().map(InsertOneModel::new).toList(),
					new BulkWriteOptions().ordered(false));
		}
		catch (MongoBulkWriteException e) {
			for (BulkWriteError error : e.getWriteErrors()) {
				if (error.getCode() != 11000) {
					throw e;
				}
			}
		}
	}

	static Document pending(String subscriptionId, String entity, String eventId, String eventType, String planId,
			String body, Instant now) {
		return new Document("_id", subscriptionId + ":" + eventId).append("subscriptionId", subscriptionId)
				.append("entity", entity).append("eventId", eventId).append("eventType", eventType)
				.append("planId", planId).append("body", body).append("state", Delivery.PENDING).append("attempts", 0)
				.append("createdAt", Date.from(now)).append("nextAttemptAt", Date.from(now)).append("log", List.of());
	}

	/** A delivery claimed for one attempt, with what is needed to send it. */
	record Claimed(Delivery delivery, String body, String claim) {
	}

	/**
	 * The next due delivery, claimed for this instance: a pending one whose time has come, else one whose claim's
	 * lease has run out. The attempt number is counted by the claim.
	 */
	Optional<Claimed> claim(String claim, Instant now, Instant leaseUntil, int maxAttempts) {
		Bson update = Updates.combine(Updates.set("state", Delivery.SENDING), Updates.set("claim", claim),
				Updates.set("leaseUntil", Date.from(leaseUntil)), Updates.inc("attempts", 1));
		var options = new FindOneAndUpdateOptions().sort(Sorts.ascending("nextAttemptAt"))
				.returnDocument(ReturnDocument.AFTER);
		Document claimed = deliveries().findOneAndUpdate(Filters.and(Filters.eq("state", Delivery.PENDING),
				Filters.lte("nextAttemptAt", Date.from(now))), update, options);
		if (claimed == null) {
			claimed = deliveries().findOneAndUpdate(Filters.and(Filters.eq("state", Delivery.SENDING),
					Filters.lt("leaseUntil", Date.from(now)), Filters.lt("attempts", maxAttempts)), update, options);
		}
		if (claimed == null) {
			// an instance died during the last attempt: nothing is left to try
			deliveries().updateMany(Filters.and(Filters.eq("state", Delivery.SENDING),
					Filters.lt("leaseUntil", Date.from(now)), Filters.gte("attempts", maxAttempts)),
					Updates.combine(Updates.set("state", Delivery.DEAD), Updates.set("deadAt", Date.from(now)),
							Updates.set("lastError", "lease-expired"), Updates.unset("claim")));
			return Optional.empty();
		}
		return Optional.of(new Claimed(Delivery.of(claimed), claimed.getString("body"), claim));
	}

	private static Bson ours(Claimed claimed) {
		return Filters.and(Filters.eq("_id", claimed.delivery().id()), Filters.eq("state", Delivery.SENDING),
				Filters.eq("claim", claimed.claim()));
	}

	void delivered(Claimed claimed, Delivery.Attempt attempt) {
		deliveries().updateOne(ours(claimed), Updates.combine(Updates.set("state", Delivery.DELIVERED),
				Updates.set("deliveredAt", Date.from(attempt.at())), Updates.set("lastStatus", attempt.status()),
				Updates.set("lastError", null), Updates.unset("claim"), Updates.push("log", attempt.toDocument())));
	}

	/** A failed attempt: tried again at {@code next}, or, when null, a dead letter. */
	void failed(Claimed claimed, Delivery.Attempt attempt, Instant next) {
		Bson state = next == null
				? Updates.combine(Updates.set("state", Delivery.DEAD), Updates.set("deadAt", Date.from(attempt.at())))
				: Updates.combine(Updates.set("state", Delivery.PENDING), Updates.set("nextAttemptAt", Date.from(next)));
		deliveries().updateOne(ours(claimed), Updates.combine(state, Updates.set("lastStatus", attempt.status()),
				Updates.set("lastError", attempt.error()), Updates.unset("claim"),
				Updates.push("log", attempt.toDocument())));
	}

	void cancelled(Claimed claimed, Instant now) {
		deliveries().updateOne(ours(claimed), Updates.combine(Updates.set("state", Delivery.CANCELLED),
				Updates.set("deadAt", Date.from(now)), Updates.set("lastError", "subscription-deleted"),
				Updates.inc("attempts", -1), Updates.unset("claim")));
	}

	/** The entity's deliveries, newest first; optionally of one subscription, in one state. */
	public List<Delivery> list(String entity, String subscriptionId, String state, int limit) {
		List<Bson> filters = new ArrayList<>(List.of(Filters.eq("entity", entity)));
		if (subscriptionId != null) {
			filters.add(Filters.eq("subscriptionId", subscriptionId));
		}
		if (state != null) {
			filters.add(Filters.eq("state", state));
		}
		List<Delivery> found = new ArrayList<>();
		deliveries().find(Filters.and(filters)).projection(new Document("body", 0))
				.sort(Sorts.descending("createdAt")).limit(Math.min(Math.max(limit, 1), MAX_LIST)).map(Delivery::of)
				.into(found);
		return found;
	}

	/** A dead letter sent again: back to {@code PENDING} with its attempts counted from zero. */
	public boolean redeliver(String entity, String deliveryId, Instant now) {
		return deliveries().updateOne(
				Filters.and(Filters.eq("_id", deliveryId), Filters.eq("entity", entity), Filters.eq("state", Delivery.DEAD)),
				Updates.combine(Updates.set("state", Delivery.PENDING), Updates.set("attempts", 0),
						Updates.set("nextAttemptAt", Date.from(now)), Updates.unset("deadAt")))
				.getModifiedCount() == 1;
	}

	public Optional<Delivery> find(String entity, String deliveryId) {
		return Optional.ofNullable(deliveries()
				.find(Filters.and(Filters.eq("_id", deliveryId), Filters.eq("entity", entity)))
				.projection(new Document("body", 0)).first()).map(Delivery::of);
	}
}
