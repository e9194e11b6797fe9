package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.LongPredicate;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The outbox of one collection whose documents carry their events in an {@code outbox} array, each stamped
 * {@code at}, with the document's latest stamp in {@code lastEventAt} (indexed), all written by the same
 * single-document update as the change they describe; and the binding those events go out on. The one adapter for
 * every such collection (see {@link OutboxWiring}): its store opens an {@link OutboxWrite} for each write.
 */
final class OutboxCollection implements OutboxSource, OutboxWrites, Indexed {

	static final String EVENTS = "outbox";

	static final String AT = "at";

	static final String PAYLOAD = "payload";

	static final String LAST_EVENT_AT = "lastEventAt";

	private final String binding;

	private final String collection;

	private final MongoTemplate mongo;

	private final OutboxQueue queue;

	private final DocumentCodec codec = new DocumentCodec();

	/** Builds the JSON of the events stored without it; null when this collection stores every event's JSON. */
	private final EventRebuilder rebuilder;

	OutboxCollection(String binding, String collection, MongoTemplate mongo, OutboxQueue queue) {
		this(binding, collection, mongo, queue, null);
	}

	OutboxCollection(String binding, String collection, MongoTemplate mongo, OutboxQueue queue,
			EventRebuilder rebuilder) {
		this.binding = binding;
		this.collection = collection;
		this.mongo = mongo;
		this.queue = queue;
		this.rebuilder = rebuilder;
	}

	@Override
	public OutboxWrite begin() {
		return queue.begin(this);
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending(LAST_EVENT_AT));
	}

	@Override
	public String binding() {
		return binding;
	}

	@Override
	public String name() {
		return collection;
	}

	@Override
	public List<PendingEvent> since(long floor) {
		return read(Filters.gte(LAST_EVENT_AT, floor), at -> at >= floor, false);
	}

	@Override
	public List<PendingEvent> read(Collection<String> documentIds, long floor) {
		if (documentIds.isEmpty()) {
			return List.of();
		}
		return read(Filters.in("_id", documentIds), at -> at >= floor, false);
	}

	@Override
	public List<PendingEvent> legacy() {
		return read(Filters.exists(EVENTS + ".0"), at -> false, true);
	}

	/** The events of the documents found whose stamp passes {@code stamped}, or which have none when {@code legacy}. */
	private List<PendingEvent> read(Bson filter, LongPredicate stamped, boolean legacy) {
		List<PendingEvent> events = new ArrayList<>();
		// an event stored without its JSON is rebuilt from its whole document: read whole, only here, rarely
		var found = collection().find(filter);
		(rebuilder == null ? found.projection(Projections.include(EVENTS)) : found).forEach(document -> {
			String id = String.valueOf(document.get("_id"));
			for (Document event : document.getList(EVENTS, Document.class, List.of())) {
				Object at = event.get(AT);
				boolean take = at instanceof Number n ? stamped.test(n.longValue()) : legacy;
				if (take) {
					events.add(new PendingEvent(this, id, entry(document, event),
							at instanceof Number n ? n.longValue() : 0, at == null));
				}
			}
		});
		return events;
	}

	private OutboxEntry entry(Document document, Document event) {
		OutboxEntry entry = codec.fromDocument(event, OutboxEntry.class);
		if (entry.payload() != null) {
			return entry;
		}
		String payload = rebuilder == null ? null : rebuilder.payload(document, entry);
		if (payload == null) {
			// never expected: a relay that skipped it would lose the event without a trace, so the read fails loudly
			throw new IllegalStateException("Event " + entry.eventId() + " of " + collection + " "
					+ document.get("_id") + " was stored without its JSON and cannot be rebuilt");
		}
		return new OutboxEntry(entry.eventId(), entry.key(), entry.eventType(), payload, entry.createdAt());
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(collection);
	}

	@Override
	public String toString() {
		return "outbox of " + collection + " → " + binding;
	}
}
