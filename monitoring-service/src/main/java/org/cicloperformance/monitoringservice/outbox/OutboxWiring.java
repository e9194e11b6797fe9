package org.cicloperformance.monitoringservice.outbox;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * Every outbox of the service, in one place: which collection's documents carry events, and the Stream binding
 * whose {@code destination} is their topic. Each store gets its outbox by the qualifier named here.
 */
@Configuration(proxyBeanMethods = false)
class OutboxWiring {

	/** Collection {@code results}: ResultRecorded and EvidenceAttached to {@code result-events}. */
	static final String RESULTS = "resultsOutbox";

	/** Collection {@code checkpoints}: the OIV workflow's events to {@code checkpoint-events}. */
	static final String CHECKPOINTS = "checkpointsOutbox";

	/** Collection {@code calendars}: each revision's CalendarSet to {@code checkpoint-events} (issue 18). */
	static final String CALENDARS = "calendarsOutbox";

	@Bean
	@Qualifier(CALENDARS)
	OutboxCollection calendarsOutbox(MongoTemplate mongo, OutboxQueue queue) {
		return new OutboxCollection("checkpointEvents-out-0", "calendars", mongo, queue);
	}

	@Bean
	@Qualifier(RESULTS)
	OutboxCollection resultsOutbox(MongoTemplate mongo, OutboxQueue queue,
			@Qualifier(RESULTS) ObjectProvider<EventRebuilder> rebuilder) {
		return new OutboxCollection("resultEvents-out-0", "results", mongo, queue, rebuilder.getIfAvailable());
	}

	@Bean
	@Qualifier(CHECKPOINTS)
	OutboxCollection checkpointsOutbox(MongoTemplate mongo, OutboxQueue queue) {
		return new OutboxCollection("checkpointEvents-out-0", "checkpoints", mongo, queue);
	}
}
