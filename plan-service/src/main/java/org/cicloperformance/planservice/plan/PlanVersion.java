package org.cicloperformance.planservice.plan;

import java.time.Instant;
import java.util.List;

/**
 * One approved version of a plan. Version 1 is the plan as approved ({@code revision} is null); every later
 * version is produced by a revision. {@code appliesTo} lists the checkpoints scored against this version.
 */
public record PlanVersion(int number, PlanContent content, List<String> appliesTo, ApprovingAct act,
		Revision revision, Instant approvedAt, String approvedBy) {
}
