package org.cicloperformance.planservice.plan.web;

import java.time.Instant;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanStatus;

record PlanSummary(String id, String entity, int year, PlanStatus status, Instant updatedAt) {

	static PlanSummary of(Plan plan) {
		return new PlanSummary(plan.id(), plan.entity(), plan.year(), plan.status(), plan.updatedAt());
	}
}
