package org.cicloperformance.monitoringservice.outbox;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

/**
 * Collection {@code outbox_marks}: one small document per running relay (a random instance id per process start),
 * {@code {_id, through, heartbeat, startedAt}}. {@code through} is never after the stamp of an event this process
 * wrote and has not had acknowledged, so after a crash everything stamped from it on is sent again by whoever finds
 * the mark: the next process at its start-up, or a peer once the heartbeat has stood still too long. Saved at most
 * every {@code mark-interval}, one upsert for the whole process, never one per result. Also the flags
 * {@code {_id: "upgraded:<collection>"}}: the events written before events had stamps have been relayed.
 */
@Component
class OutboxMarks {

	static final String COLLECTION = "outbox_marks";

	private static final String UPGRADED = "upgraded:";

	/** A relay's mark; {@code heartbeat} in the clock of its own process, only compared with itself. */
	record Mark(String instance, long through, long heartbeat) {
	}

	private final MongoTemplate mongo;

	private final Clock clock;

	private final String instance = UUID.randomUUID().toString();

	private volatile boolean saved;

	OutboxMarks(MongoTemplate mongo, Clock clock) {
		this.mongo = mongo;
		this.clock = clock;
	}

	String instance() {
		return instance;
	}

	/** Saves the mark unless it is saved already; {@code floor} as {@link OutboxQueue#floor()}, read after now. */
	void ensureSaved(LongSupplier floor) {
		if (!saved) {
			synchronized (this) {
				if (!saved) {
					long now = clock.millis();
					save(Math.min(now, floor.getAsLong()));
				}
			}
		}
	}

	synchronized void save(long through) {
		long now = clock.millis();
		collection().updateOne(Filters.eq("_id", instance), Updates.combine(Updates.set("through", through),
				Updates.set("heartbeat", now), Updates.setOnInsert("startedAt", now)), new UpdateOptions().upsert(true));
		saved = true;
	}

	/**
	 * At a clean stop: deletes this process's mark if nothing is left to protect (checked after no later write can
	 * skip saving it again), otherwise saves it a last time; answers whether it was deleted.
	 */
	synchronized boolean release(java.util.function.BooleanSupplier nothingLeft, LongSupplier through) {
		saved = false;
		if (nothingLeft.getAsBoolean()) {
			collection().deleteOne(Filters.eq("_id", instance));
			return true;
		}
		save(through.getAsLong());
		return false;
	}

	/** The marks of the other relays. */
	List<Mark> others() {
		List<Mark> marks = new ArrayList<>();
		collection().find(Filters.exists("through")).forEach(d -> {
			if (!instance.equals(d.get("_id"))) {
				marks.add(new Mark(String.valueOf(d.get("_id")), ((Number) d.get("through")).longValue(),
						((Number) d.get("heartbeat")).longValue()));
			}
		});
		return marks;
	}

	/** Deletes a dead relay's mark, unless its heartbeat moved since it was read (it was not dead after all). */
	boolean delete(Mark mark) {
		return collection().deleteOne(Filters.and(Filters.eq("_id", mark.instance()),
				Filters.eq("heartbeat", mark.heartbeat()))).getDeletedCount() == 1;
	}

	boolean upgraded(String collection) {
		return collection().find(Filters.eq("_id", UPGRADED + collection)).first() != null;
	}

	void markUpgraded(String collection) {
		collection().updateOne(Filters.eq("_id", UPGRADED + collection),
				Updates.setOnInsert("at", new java.util.Date(clock.millis())), new UpdateOptions().upsert(true));
	}

	private MongoCollection<Document> collection() {
		return mongo.getCollection(COLLECTION);
	}
}
