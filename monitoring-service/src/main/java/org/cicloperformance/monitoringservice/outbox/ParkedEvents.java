package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.cicloperformance.monitoringservice.support.Indexed;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Collection {@code parked_events}: the events Kafka refused for a reason that no retry can change (a record too
 * large for the producer or the broker), kept whole with that reason, our dead letters. The relay parks such an event
 * and then counts it as relayed, so the events after it keep flowing; parking is an upsert by event id, so an
 * event parked again after a crash (re-sent from a mark) is still one. Counted by {@code monitoring.outbox.parked}, listed to the
 * entity's PLANNER by {@code GET /api/outbox/parked}.
 */
@Component
public class ParkedEvents implements OutboxRelay.Parking, Indexed {

	static final String COLLECTION = "parked_events";

	private final MongoTemplate mongo;

	private final Clock clock;

	private final Counter parked;

	private final JsonMapper json = JsonMapper.builder().build();

	ParkedEvents(MongoTemplate mongo, Clock clock, MeterRegistry meters) {
		this.mongo = mongo;
		this.clock = clock;
		this.parked = Counter.builder("monitoring.outbox.parked")
				.description("Events Kafka refused for good (e.g. too large), parked in parked_events")
				.register(meters);
	}

	/** A parked event as a PLANNER sees it: what it was about and why it could not be sent, not its payload. */
	public record Parked(String eventId, String planId, String entity, String eventType, String binding,
			String reason, long payloadBytes, Instant createdAt, Instant parkedAt) {
	}

	@Override
	public void createIndexes() {
		collection().createIndex(Indexes.ascending("entity", "parkedAt"));
	}

	/** Parks the event (once, whatever the number of calls) and counts it the first time. */
	@Override
	public void park(String binding, OutboxEntry entry, String reason) {
		Document fields = new Document("planId", entry.key())
				.append("entity", entityOf(entry.payload()))
				.append("eventType", entry.eventType())
				.append("binding", binding)
				.append("reason", reason)
				.append("payloadBytes", (long) entry.payload().getBytes(StandardCharsets.UTF_8).length)
				.append("createdAt", new Date(entry.createdAt()))
				.append("parkedAt", new Date(clock.millis()))
				.append("payload", entry.payload());
		var result = collection().updateOne(Filters.eq("_id", entry.eventId()), Updates.setOnInsert(fields),
				new UpdateOptions().upsert(true));
		if (result.getUpsertedId() != null) {
			parked.increment();
		}
	}

	/** The events parked for the plans of {@code entity}, latest first. */
	public List<Parked> of(String entity) {
		if (entity == null) {
			return List.of();
		}
		return collection().find(Filters.eq("entity", entity)).sort(Sorts.descending("parkedAt"))
				.map(ParkedEvents::read).into(new ArrayList<>());
	}

	private static Parked read(Document d) {
		return new Parked(d.getString("_id"), d.getString("planId"), d.getString("entity"), d.getString("eventType"),
				d.getString("binding"), d.getString("reason"), ((Number) d.get("payloadBytes")).longValue(),
				d.getDate("createdAt").toInstant(), d.getDate("parkedAt").toInstant());
	}

	/** Every event of ours names its entity (the tenant), so the parked event can be shown to that entity only. */
	private String entityOf(String payload) {
		try {
			JsonNode entity = json.readTree(payload).get("entity");
			return entity == null || !entity.isString() ? null : entity.asString();
		}
		catch (RuntimeException e) {
			return null;
		}
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
