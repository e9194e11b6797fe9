package org.cicloperformance.monitoringservice.calendar;

import java.util.List;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.springframework.stereotype.Component;

/**
 * The plan version in force at a checkpoint, as one entity sees it: another entity's plan is as unknown as a plan
 * never received (404), a version that may apply but has not arrived is 409, an unknown checkpoint 422.
 */
@Component
public class PlanInForce {

	private final PlanVersionStore plans;

	PlanInForce(PlanVersionStore plans) {
		this.plans = plans;
	}

	public PlanVersion resolve(String entity, String planId, String checkpoint) {
		List<PlanVersion> versions = versions(entity, planId);
		VersionInForce.Resolution resolution = VersionInForce.resolve(versions, checkpoint == null ? "" : checkpoint);
		if (resolution instanceof VersionInForce.UnknownPlan) {
			throw new RefusedException(Violation.of("", "plan-unknown", planId));
		}
		if (resolution instanceof VersionInForce.NotReceived notReceived) {
			throw new RefusedException(
					Violation.of("", "plan-version-not-received", planId, notReceived.missing(), checkpoint));
		}
		PlanVersion plan = ((VersionInForce.InForce) resolution).version();
		if (checkpoint == null || plan.content() == null || !plan.content().hasCheckpoint(checkpoint)) {
			throw new RefusedException(Violation.of("/checkpoint", "checkpoint-unknown", checkpoint, planId));
		}
		return plan;
	}

	/** The latest version received of the entity's plan (its checkpoints), if any. */
	Optional<PlanVersion> latest(String entity, String planId) {
		List<PlanVersion> versions = versions(entity, planId);
		return versions.isEmpty() ? Optional.empty() : Optional.of(VersionInForce.latest(versions));
	}

	private List<PlanVersion> versions(String entity, String planId) {
		return entity == null || planId == null || planId.isBlank() ? List.of()
				: plans.versionsOf(planId).stream().filter(v -> entity.equals(v.owner())).toList();
	}
}
