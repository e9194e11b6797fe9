package org.cicloperformance.planservice.plan.messaging;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.Revision;

/** A revision was approved: the complete content of the new version, and the revision that produced it. */
record PlanRevised(String type, String eventId, String planId, String entity, int year, int version,
		List<String> appliesTo, Instant occurredAt, String causedBy, PlanContent plan, Revision revision) {
}
