package org.cicloperformance.monitoringservice.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/** This service's tolerant view of a plan-events message (PlanPublished, PlanRevised): only what it needs. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanEvent(String type, String eventId, String planId, String entity, Integer year, Integer version,
		List<String> appliesTo, Instant occurredAt, PlanSnapshot plan) {
}
