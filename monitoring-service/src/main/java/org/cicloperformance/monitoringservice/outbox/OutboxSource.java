package org.cicloperformance.monitoringservice.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * A collection whose documents carry their own pending events (written by the same single-document update as the
 * change they describe), and the binding those events go out on. The writes tell the relay which documents they
 * have just added an event to ({@link OutboxQueue}); {@link #pending()} (a scan) runs only at start-up and as a
 * safety net.
 */
interface OutboxSource {

	/**
	 * The Stream binding the events are sent on (e.g. {@code resultEvents-out-0}): its
	 * {@code spring.cloud.stream.bindings.<binding>.destination} names the topic.
	 */
	String binding();

	/** The documents with events still to relay, each with its events in order. */
	List<Pending> pending();

	/** The documents among {@code documentIds} with events still to relay, each with its events in order (by _id). */
	List<Pending> pending(Collection<String> documentIds);

	/** Removes relayed events, by document. */
	void removeAll(Map<String, List<String>> eventIdsByDocument);

	record Pending(String documentId, List<OutboxEntry> events) {
	}
}
