package org.cicloperformance.monitoringservice.outbox;

/**
 * A pending event, stored in the {@code outbox} array of the document whose change it describes: its JSON as sent,
 * the Kafka key (the plan id), its type, and when it was written (epoch millis).
 */
public record OutboxEntry(String eventId, String key, String eventType, String payload, long createdAt) {
}
