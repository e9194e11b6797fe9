package org.cicloperformance.reportingservice.checkpoint;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * The events for {@code hr-feed} waiting in the final score documents ({@code HrFeedPublished}), in the
 * withdrawals ({@code HrFeedWithdrawn}), in the schede made FINAL ({@code EvaluationFinalised}) and in the
 * managers' funds entered ({@code ResultPayRevised}), oldest first across all, so that a closing's publication
 * always goes out before its withdrawal and before the next closing's.
 */
@Component
public class HrFeedOutbox {

	private static final List<String> COLLECTIONS = List.of("final_scores", "hr_feed_withdrawals", "schede",
			"evaluation_funds");

	/**
	 * A final score document is large and a query on its outbox reads every one of them (no index serves it on
	 * mongo-java-server): the relay reads only after this instance queued an event, after a round that left events
	 * behind, and every {@link #FULL_ROUND} for events queued by an instance that stopped before sending them.
	 */
	static final Duration FULL_ROUND = Duration.ofSeconds(30);

	private final MongoTemplate mongo;

	private final Clock clock;

	private final AtomicBoolean queued = new AtomicBoolean(true);

	private volatile long lastRead;

	HrFeedOutbox(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	/** An event was written to an outbox by this instance, or a round left events behind. */
	public void queued() {
		queued.set(true);
	}

	/** The relay's round: the pending events, unless none can have been queued since the last read. */
	public List<Pending> pendingForRound() {
		long now = clock.millis();
		if (!queued.getAndSet(false) && now - lastRead < FULL_ROUND.toMillis()) {
			return List.of();
		}
		lastRead = now;
		try {
			return pending();
		}
		catch (RuntimeException e) {
			queued.set(true);
			throw e;
		}
	}

	/** An event still to send, and where it waits. */
	public record Pending(String collection, String documentId, OutboxEntry event) {
	}

	/** Only the outbox of a document is read. */
	record WithOutbox(@Id String id, List<OutboxEntry> outbox) {
	}

	public List<Pending> pending() {
		List<Pending> pending = new ArrayList<>();
		for (String collection : COLLECTIONS) {
			Query withEvents = Query.query(where("outbox.0").exists(true));
			withEvents.fields().include("outbox");
			for (WithOutbox document : mongo.find(withEvents, WithOutbox.class, collection)) {
				document.outbox().forEach(event -> pending.add(new Pending(collection, document.id(), event)));
			}
		}
		pending.sort(Comparator.comparingLong((Pending p) -> p.event().createdAt()));
		return pending;
	}

	/** Called once Kafka acknowledged the event. */
	public void remove(Pending sent) {
		mongo.getCollection(sent.collection()).updateOne(Filters.eq("_id", sent.documentId()),
				Updates.pullByFilter(new org.bson.Document("outbox",
						new org.bson.Document("eventId", sent.event().eventId()))));
	}
}
