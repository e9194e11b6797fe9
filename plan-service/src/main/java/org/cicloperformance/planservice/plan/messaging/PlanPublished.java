package org.cicloperformance.planservice.plan.messaging;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.PlanContent;

/** A plan was approved: version 1 with its complete content. */
record PlanPublished(String type, String eventId, String planId, String entity, int year, int version,
		List<String> appliesTo, Instant occurredAt, String causedBy, PlanContent plan) {
}
