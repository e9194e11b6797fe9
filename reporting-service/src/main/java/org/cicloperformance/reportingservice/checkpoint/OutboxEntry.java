package org.cicloperformance.reportingservice.checkpoint;

/**
 * An event waiting in the document whose write it announces, until the relay has it acknowledged by Kafka:
 * {@code payload} is the JSON sent, {@code key} the message key (the plan id), {@code createdAt} (epoch millis)
 * orders the events of all documents.
 */
public record OutboxEntry(String eventId, String key, String eventType, String payload, long createdAt) {
}
