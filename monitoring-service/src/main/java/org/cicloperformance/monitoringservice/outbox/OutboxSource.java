package org.cicloperformance.monitoringservice.outbox;

import java.util.Collection;
import java.util.List;

/**
 * A collection whose documents carry their events (written by the same single-document update as the change they
 * describe, and kept there: they are the durable record), and the binding those events go out on. The relay gets
 * new events from the writes themselves ({@link OutboxWrite}); it reads a collection only to re-send after a crash,
 * from a mark ({@link #since}), after a write it cannot be sure of ({@link #read}), and once after an upgrade
 * ({@link #legacy}).
 */
interface OutboxSource {

	/**
	 * The Stream binding the events are sent on (e.g. {@code resultEvents-out-0}): its
	 * {@code spring.cloud.stream.bindings.<binding>.destination} names the topic.
	 */
	String binding();

	/** The collection's name. */
	String name();

	/** Every event stamped at or after {@code floor}, in each document's order. */
	List<PendingEvent> since(long floor);

	/** The events of these documents stamped at or after {@code floor}, in each document's order. */
	List<PendingEvent> read(Collection<String> documentIds, long floor);

	/** The events without a stamp, written before the upgrade and left there by the relay of that time (not sent). */
	List<PendingEvent> legacy();
}
