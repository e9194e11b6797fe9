package org.cicloperformance.reportingservice.alert;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.bson.Document;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code alert_states}: whether each alert of a plan (plan, final checkpoint, indicator, kind) is raised
 * now, and how many times it has been raised ({@code raise}). The alerts themselves are computed on read from the
 * results (forecast/Forecasts); this is only what the e-mails need to tell a new raise from the same one seen again.
 * Each change is one single-document compare-and-set (an insert with a unique {@code _id}, or an update guarded by
 * the state and raise read), so of two replicas seeing the same change exactly one moves it.
 */
@Component
class AlertStates implements InitializingBean {

	static final String COLLECTION = "alert_states";

	/** One alert's state; {@code raise} 0 never happens (the first raise is 1). */
	record State(String id, int raise, boolean active) {
	}

	private final MongoTemplate mongo;

	AlertStates(MongoTemplate mongo) {
		this.mongo = mongo;
	}

	/** On the start-up thread, as the service's other indexes (mongo-java-server and concurrent index creation). */
	@Override
	public void afterPropertiesSet() {
		collection().createIndex(Indexes.ascending("planId", "checkpoint"));
	}

	static String idOf(String planId, String checkpoint, String objective, String indicator, AlertKind kind) {
		return planId + "|" + checkpoint + "|" + objective + "|" + indicator + "|" + kind.name();
	}

	Map<String, State> of(String planId, String checkpoint) {
		Map<String, State> states = new HashMap<>();
		for (Document d : collection().find(Filters.and(Filters.eq("planId", planId),
				Filters.eq("checkpoint", checkpoint)))) {
			states.put(d.getString("_id"), state(d));
		}
		return states;
	}

	Optional<State> find(String id) {
		return Optional.ofNullable(collection().find(Filters.eq("_id", id)).first()).map(AlertStates::state);
	}

	/**
	 * Raises the alert after {@code previous} (null: never raised). The raise number when this call raised it;
	 * empty when another sender did first.
	 */
	Optional<Integer> raise(String id, String planId, String checkpoint, String objective, String indicator,
			AlertKind kind, State previous, Instant now) {
		if (previous == null) {
			try {
				collection().insertOne(new Document("_id", id).append("planId", planId)
						.append("checkpoint", checkpoint).append("objective", objective).append("indicator", indicator)
						.append("kind", kind.name()).append("raise", 1).append("active", true)
						.append("raisedAt", Date.from(now)));
				return Optional.of(1);
			}
			catch (MongoWriteException e) {
				if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
					throw e;
				}
				return Optional.empty();
			}
		}
		int next = previous.raise() + 1;
		long moved = collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("active", false),
				Filters.eq("raise", previous.raise())), Updates.combine(Updates.set("active", true),
						Updates.set("raise", next), Updates.set("raisedAt", Date.from(now)))).getModifiedCount();
		return moved == 1 ? Optional.of(next) : Optional.empty();
	}

	/** Clears raise {@code raise}; true when this call cleared it. */
	boolean clear(String id, int raise, Instant now) {
		return collection().updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("active", true),
				Filters.eq("raise", raise)), Updates.combine(Updates.set("active", false),
						Updates.set("clearedAt", Date.from(now)))).getModifiedCount() == 1;
	}

	private static State state(Document d) {
		return new State(d.getString("_id"), d.getInteger("raise", 0), Boolean.TRUE.equals(d.getBoolean("active")));
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
