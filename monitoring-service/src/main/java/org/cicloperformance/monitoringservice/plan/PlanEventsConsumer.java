package org.cicloperformance.monitoringservice.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes {@code plan-events} into the {@code plan_versions} read model. A message that cannot be read or lacks
 * planId/version/plan is rejected with an exception: after the binding's bounded retries the binder sends it to
 * the dead-letter topic and consumption goes on. A redelivered event is a no-op (upsert by planId and version).
 */
@Configuration
class PlanEventsConsumer {

	private static final Logger log = LoggerFactory.getLogger(PlanEventsConsumer.class);

	private final JsonMapper mapper = JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.enable(EnumFeature.READ_UNKNOWN_ENUM_VALUES_AS_NULL)
			.changeDefaultPropertyInclusion(i -> i.withValueInclusion(JsonInclude.Include.NON_NULL))
			.build();

	@Bean
	Consumer<Message<byte[]>> planEvents(PlanVersionStore store, Clock clock) {
		return message -> {
			PlanEvent event = parse(message.getPayload());
			PlanVersion version = new PlanVersion(event.planId(), event.version(), event.entity(), event.year(),
					event.appliesTo(), event.type(), event.eventId(), event.occurredAt(), clock.instant(), event.plan());
			if (store.saveIfAbsent(version)) {
				log.info("Plan {} version {} received ({})", event.planId(), event.version(), event.type());
			}
			else {
				log.info("Plan {} version {} already known: duplicate event {} ignored", event.planId(),
						event.version(), event.eventId());
			}
		};
	}

	PlanEvent parse(byte[] payload) {
		PlanEvent event;
		try {
			event = mapper.readValue(payload, PlanEvent.class);
		}
		catch (JacksonException e) {
			throw new InvalidPlanEventException("unreadable plan event: " + e.getOriginalMessage(), e);
		}
		if (event == null || event.planId() == null || event.planId().isBlank()) {
			throw new InvalidPlanEventException("plan event without planId");
		}
		if (event.version() == null || event.version() < 1) {
			throw new InvalidPlanEventException("plan event without a valid version: " + event.planId());
		}
		if (event.plan() == null) {
			throw new InvalidPlanEventException("plan event without plan content: " + event.planId());
		}
		return event;
	}

	static class InvalidPlanEventException extends IllegalArgumentException {

		InvalidPlanEventException(String message) {
			super(message);
		}

		InvalidPlanEventException(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
