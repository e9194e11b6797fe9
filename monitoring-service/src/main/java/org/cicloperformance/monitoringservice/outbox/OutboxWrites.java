package org.cicloperformance.monitoringservice.outbox;

/** What a store tells its outbox: the write that added an event to this document has succeeded. */
@FunctionalInterface
public interface OutboxWrites {

	void written(String documentId);
}
