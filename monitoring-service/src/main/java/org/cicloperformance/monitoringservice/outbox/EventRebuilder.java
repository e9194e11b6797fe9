package org.cicloperformance.monitoringservice.outbox;

import org.bson.Document;

/**
 * Rebuilds the JSON of an event that its store kept without it ({@link OutboxWrite#withoutPayload}) from the document
 * holding it. A store whose documents already hold everything an event says (a result version is its
 * ResultRecorded) need not store the event's JSON a second time: the relay only reads stored events after a crash
 * or a failed write, and builds them again then. The rebuilt JSON must say what the original said.
 */
@FunctionalInterface
public interface EventRebuilder {

	/** The JSON of {@code event} (whose payload is null) from the whole {@code document}; null when it cannot. */
	String payload(Document document, OutboxEntry event);
}
