package org.cicloperformance.planservice.plan.web;

import java.time.Instant;
import java.util.List;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.PlanStatus;

/** A plan as the API shows it; {@code pendingEvents} tells whether Kafka has acknowledged everything yet. */
record PlanView(String id, String entity, int year, PlanStatus status, long revision, Integer currentVersion,
		int pendingEvents, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
		List<VersionSummary> versions, PlanContent content) {

	static PlanView of(Plan plan) {
		return new PlanView(plan.id(), plan.entity(), plan.year(), plan.status(), plan.revision(),
				plan.versions().isEmpty() ? null : plan.currentVersionNumber(), plan.outbox().size(), plan.createdAt(),
				plan.createdBy(), plan.updatedAt(), plan.updatedBy(),
				plan.versions().stream().map(VersionSummary::of).toList(), plan.content());
	}
}
