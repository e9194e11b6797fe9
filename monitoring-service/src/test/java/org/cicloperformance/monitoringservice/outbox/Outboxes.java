package org.cicloperformance.monitoringservice.outbox;

import java.time.Clock;
import org.springframework.data.mongodb.core.MongoTemplate;

/** Outboxes for store tests without a Spring context: the writes are stamped and handed over, nobody relays them. */
public final class Outboxes {

	private Outboxes() {
	}

	/** The outbox of {@code collection}, with a queue and a mark of its own in that database, and no relay. */
	public static OutboxWrites unrelayed(MongoTemplate mongo, String collection) {
		Clock clock = Clock.systemUTC();
		return new OutboxCollection("resultEvents-out-0", collection, mongo,
				new OutboxQueue(clock, new OutboxMarks(mongo, clock)));
	}
}
