package org.cicloperformance.monitoringservice.outbox;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cicloperformance.monitoringservice.result.ResultDocument.OutboxEntry;

/**
 * A collection whose documents carry their own pending events (written by the same single-document update as the
 * change they describe), and the binding those events go out on. The writes tell the relay which documents they
 * have just added an event to ({@link OutboxQueue}); {@link #pending()} (a scan) runs only at start-up and as a
 * safety net.
 */
public interface OutboxSource {

	/**
	 * The Stream binding the events are sent on (e.g. {@code resultEvents-out-0}): its
	 * {@code spring.cloud.stream.bindings.<binding>.destination} names the topic.
	 */
	String binding();

	/** The documents with events still to relay, each with its events in order. */
	List<Pending> pending();

	/** The documents among {@code documentIds} with events still to relay, each with its events in order. */
	default List<Pending> pending(Collection<String> documentIds) {
		Set<String> wanted = Set.copyOf(documentIds);
		return pending().stream().filter(p -> wanted.contains(p.documentId())).toList();
	}

	/** Removes a relayed event from its document. */
	void remove(String documentId, String eventId);

	/** Removes relayed events, by document. */
	default void removeAll(Map<String, List<String>> eventIdsByDocument) {
		eventIdsByDocument.forEach((document, eventIds) -> eventIds.forEach(eventId -> remove(document, eventId)));
	}

	record Pending(String documentId, List<OutboxEntry> events) {
	}
}
