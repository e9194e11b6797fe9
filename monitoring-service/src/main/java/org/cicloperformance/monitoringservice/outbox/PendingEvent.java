package org.cicloperformance.monitoringservice.outbox;

/**
 * An event the relay has to send: where it is stored, the event, and the stamp of the write that stored it.
 * {@code legacy}: written before outbox events had stamps (found once, by the scan after an upgrade).
 */
record PendingEvent(OutboxSource source, String documentId, OutboxEntry entry, long at, boolean legacy) {
}
