package org.cicloperformance.monitoringservice.outbox;

import java.util.List;
import org.cicloperformance.monitoringservice.result.ResultDocument.OutboxEntry;

/**
 * A collection whose documents carry their own pending events (written by the same single-document update as the
 * change they describe), and the binding those events go out on.
 */
public interface OutboxSource {

	/** The Stream binding the events are sent on (e.g. {@code resultEvents-out-0}). */
	String binding();

	/** The documents with events still to relay, each with its events in order. */
	List<Pending> pending();

	/** Removes a relayed event from its document. */
	void remove(String documentId, String eventId);

	record Pending(String documentId, List<OutboxEntry> events) {
	}
}
