package org.cicloperformance.planservice.plan.messaging;

import org.cicloperformance.planservice.plan.EventSizeCheck;
import org.cicloperformance.planservice.plan.EventTooLargeException;
import org.cicloperformance.planservice.plan.OutboxEntry;
import org.cicloperformance.planservice.plan.Plan;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The largest event plan-service accepts to store: the Kafka producer's {@code max.request.size} (the binder's
 * producer property, Kafka's 1 MiB default when unset) minus {@code plan.events.size-margin} for the key, the headers
 * and the record batch around the payload. Deriving it from the producer keeps the API and the producer consistent:
 * any event the API accepted fits, so the relay never meets an event too large except one stored under a larger
 * limit, and that one is parked (see {@link OutboxRelay}).
 */
@Component
class EventSize implements EventSizeCheck {

	static final String MAX_REQUEST_SIZE = "spring.cloud.stream.kafka.binder.producer-properties.max.request.size";

	/** Kafka's own default for {@code max.request.size}. */
	static final long KAFKA_DEFAULT = 1_048_576;

	private final JsonMapper json;

	private final long limit;

	@Autowired
	EventSize(JsonMapper json, Environment environment, EventSettings settings) {
		this(json, environment.getProperty(MAX_REQUEST_SIZE, Long.class, KAFKA_DEFAULT), settings.sizeMargin().toBytes());
	}

	EventSize(JsonMapper json, long maxRequestSize, long margin) {
		this.json = json;
		this.limit = maxRequestSize - margin;
		if (limit <= 0) {
			throw new IllegalStateException("max.request.size " + maxRequestSize + " leaves no room after a margin of "
					+ margin + " bytes");
		}
	}

	long limit() {
		return limit;
	}

	/** The payload's size as the relay sends it: the event as JSON, in UTF-8. */
	long of(Plan plan, OutboxEntry entry) {
		return json.writeValueAsBytes(PlanEvents.of(plan, entry)).length;
	}

	@Override
	public void requireSendable(Plan plan, OutboxEntry entry) {
		long size = of(plan, entry);
		if (size > limit) {
			throw new EventTooLargeException(size, limit);
		}
	}
}
