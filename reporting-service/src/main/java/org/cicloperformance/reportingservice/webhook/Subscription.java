package org.cicloperformance.reportingservice.webhook;

import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * A webhook of one entity: where to send which events, signed with its secret. The secret is stored sealed
 * (AES-GCM, {@link WebhookSecrets}), opened only to sign a delivery, and answered only once, when it is registered.
 */
public record Subscription(String id, String entity, String url, List<String> eventTypes, String description,
		Instant createdAt, String createdBy, boolean active, Instant deletedAt, String deletedBy) {

	static Subscription of(Document d) {
		return new Subscription(d.getString("_id"), d.getString("entity"), d.getString("url"),
				d.getList("eventTypes", String.class), d.getString("description"), instant(d, "createdAt"),
				d.getString("createdBy"), Boolean.TRUE.equals(d.getBoolean("active")), instant(d, "deletedAt"),
				d.getString("deletedBy"));
	}

	static Instant instant(Document d, String field) {
		java.util.Date date = d.getDate(field);
		return date == null ? null : date.toInstant();
	}

	boolean wants(String eventType, Instant eventTime) {
		return active && eventTypes.contains(eventType) && (eventTime == null || !eventTime.isBefore(createdAt));
	}
}
