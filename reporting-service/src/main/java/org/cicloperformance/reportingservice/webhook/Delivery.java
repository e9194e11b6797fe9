package org.cicloperformance.reportingservice.webhook;

import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * One event to send to one subscription ({@code _id} = subscription id + ":" + event id, so an event consumed
 * twice is queued once), with its attempts. {@code state}: {@code PENDING} (waiting for {@code nextAttemptAt}),
 * {@code SENDING} (claimed by an instance until {@code leaseUntil}), {@code DELIVERED}, {@code DEAD} (the dead
 * letter: every attempt failed), {@code CANCELLED} (the subscription was deleted before it was sent).
 */
public record Delivery(String id, String subscriptionId, String entity, String eventId, String eventType,
		String planId, String state, int attempts, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt,
		Instant deadAt, Integer lastStatus, String lastError, List<Attempt> log) {

	static final String PENDING = "PENDING";

	static final String SENDING = "SENDING";

	static final String DELIVERED = "DELIVERED";

	static final String DEAD = "DEAD";

	static final String CANCELLED = "CANCELLED";

	/** One attempt: when, the receiver's status (null when none answered), the error, how long it took. */
	public record Attempt(int attempt, Instant at, Integer status, String error, long millis) {

		Document toDocument() {
			return new Document("attempt", attempt).append("at", java.util.Date.from(at)).append("status", status)
					.append("error", error).append("millis", millis);
		}

		static Attempt of(Document d) {
			return new Attempt(d.getInteger("attempt", 0), Subscription.instant(d, "at"), d.getInteger("status"),
					d.getString("error"), d.get("millis") instanceof Number n ? n.longValue() : 0);
		}
	}

	static Delivery of(Document d) {
		List<Document> log = d.getList("log", Document.class, List.of());
		return new Delivery(d.getString("_id"), d.getString("subscriptionId"), d.getString("entity"),
				d.getString("eventId"), d.getString("eventType"), d.getString("planId"), d.getString("state"),
				d.getInteger("attempts", 0), Subscription.instant(d, "createdAt"),
				Subscription.instant(d, "nextAttemptAt"), Subscription.instant(d, "deliveredAt"),
				Subscription.instant(d, "deadAt"), d.getInteger("lastStatus"), d.getString("lastError"),
				log.stream().map(Attempt::of).toList());
	}
}
