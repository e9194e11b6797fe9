package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.client.model.Updates;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * One write that adds events to documents of an outbox collection, from {@link OutboxWrites#begin()} to
 * {@link #close()}. It is registered with this process's relay before its stamp is taken, so the relay's mark (the
 * point from which a successor re-sends after a crash) never passes it. The store stores every event with the stamp
 * {@code at} ({@link #stamped(Document)}) and sets the document's {@code lastEventAt} in the same single-document
 * update ({@link #lastEventAt()}, a {@code $max}); after the write it hands the events themselves to the relay
 * ({@link #written}), which then never reads the document, or, when it cannot know what was written (a failure that
 * is not a refusal), names the documents ({@link #uncertain}) for the relay to read.
 */
public final class OutboxWrite implements AutoCloseable {

	static final long UNSTAMPED = Long.MIN_VALUE;

	private final OutboxCollection source;

	private final OutboxQueue queue;

	private volatile long at = UNSTAMPED;

	OutboxWrite(OutboxCollection source, OutboxQueue queue) {
		this.source = source;
		this.queue = queue;
	}

	/** Taken after the write was registered with the relay (see {@link OutboxQueue#floor()} for why). */
	void stamp(long millis) {
		at = millis;
	}

	/** The write's stamp (epoch millis of this process's clock), stored with each of its events. */
	public long at() {
		return at;
	}

	/** An event as stored: its fields and the write's stamp. */
	public Document stamped(Document event) {
		return event.append(OutboxCollection.AT, at);
	}

	/**
	 * An event as stored without its JSON: the collection's {@link EventRebuilder} builds it again from the document
	 * if the relay ever reads it back. The entry keeps its id, key, type and instant.
	 */
	public static Document withoutPayload(Document event) {
		event.remove(OutboxCollection.PAYLOAD);
		return event;
	}

	/** A whole document to insert: each of its events stamped, and its {@code lastEventAt}. */
	public Document stampedDocument(Document document) {
		document.getList(OutboxCollection.EVENTS, Document.class, List.of()).forEach(this::stamped);
		return document.append(OutboxCollection.LAST_EVENT_AT, at);
	}

	/** The update of the document's {@code lastEventAt}: the latest stamp of its events, whatever the writers' clocks. */
	public Bson lastEventAt() {
		return Updates.max(OutboxCollection.LAST_EVENT_AT, at);
	}

	/** The write of these events to this document has succeeded: the relay sends them as they are. */
	public void written(String documentId, List<OutboxEntry> events) {
		if (!events.isEmpty()) {
			queue.handOff(events.stream().map(e -> new PendingEvent(source, documentId, e, at, false)).toList());
		}
	}

	/** The write failed in a way that may still have written some of these documents: the relay reads them. */
	public void uncertain(Collection<String> documentIds) {
		if (!documentIds.isEmpty()) {
			queue.reread(source, Set.copyOf(documentIds), at);
		}
	}

	/** Ends the write: after the hand-off, or after a failure. */
	@Override
	public void close() {
		queue.end(this);
	}
}
