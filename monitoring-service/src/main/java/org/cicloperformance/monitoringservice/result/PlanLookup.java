package org.cicloperformance.monitoringservice.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.plan.VersionInForce;

/**
 * The plan read model as one user of one entity sees it, for the length of one request (each plan is read once).
 * The plans of other entities are not there: to their users they are as unknown as a plan never received.
 */
public final class PlanLookup {

	private final PlanVersionStore store;

	private final String entity;

	private final Map<String, List<PlanVersion>> versions = new HashMap<>();

	PlanLookup(PlanVersionStore store, String entity) {
		this.store = store;
		this.entity = entity;
	}

	/** The versions received of the plan, oldest first; none when it is unknown or another entity's. */
	public List<PlanVersion> versionsOf(String planId) {
		if (planId == null || planId.isBlank() || entity == null) {
			return List.of();
		}
		return versions.computeIfAbsent(planId,
				id -> store.versionsOf(id).stream().filter(v -> entity.equals(v.owner())).toList());
	}

	/**
	 * The objective as the version in force at the checkpoint defines it; empty when the plan, that version or the
	 * objective is unknown (the checker then says which).
	 */
	public Optional<Objective> objectiveInForce(String planId, String objective, String checkpoint) {
		if (objective == null || checkpoint == null) {
			return Optional.empty();
		}
		if (!(VersionInForce.resolve(versionsOf(planId), checkpoint) instanceof VersionInForce.InForce inForce)
				|| inForce.version().content() == null) {
			return Optional.empty();
		}
		return inForce.version().content().objective(objective);
	}
}
