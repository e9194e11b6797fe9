package org.cicloperformance.reportingservice.security;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may read what in reporting-service. A plan of another entity is answered exactly as a plan that does not
 * exist (the caller's own "not found"), so that a user cannot even learn that it exists; within the entity,
 * {@link PlanScope} decides.
 */
@Component
public class Access {

	private final Actors actors;

	private final PlanVersions plans;

	/** A plan's entity never changes (plan-service refuses it), so it is read once per plan. */
	private final Map<String, String> entities = new ConcurrentHashMap<>();

	Access(Actors actors, PlanVersions plans) {
		this.actors = actors;
		this.plans = plans;
	}

	public Actor current() {
		return actors.current();
	}

	public Actor requireAny(Role... roles) {
		var actor = actors.current();
		if (!actor.hasAnyRole(roles)) {
			throw new AccessDeniedException("role");
		}
		return actor;
	}

	/**
	 * The caller's scope over one plan of its entity; {@code notFound} is what the caller answers for a plan that
	 * does not exist, and it is answered alike for another entity's.
	 */
	public PlanScope plan(String planId, Supplier<? extends RuntimeException> notFound) {
		return find(planId).orElseThrow(notFound);
	}

	/** The caller's scope over a plan of its entity; empty for a plan that does not exist or is another's. */
	public Optional<PlanScope> find(String planId) {
		var actor = actors.current();
		List<PlanVersionFact> versions = plans.versions(planId);
		if (versions.isEmpty() || !actor.belongsTo(entity(planId, versions))) {
			return Optional.empty();
		}
		return Optional.of(new PlanScope(actor, planId,
				versions.stream().map(v -> new PlanScope.Version(v, plans.scorer(v).plan())).toList()));
	}

	public PlanScope plan(String planId) {
		return plan(planId, () -> new NotFoundException("notFound.plan", planId));
	}

	/** The plans of the caller's entity it can read something of, newest first (year, then last received). */
	public List<PlanScope> plans() {
		var actor = actors.current();
		return plans.planIds().stream()
				.map(id -> Map.entry(id, plans.versions(id)))
				.filter(e -> !e.getValue().isEmpty() && actor.belongsTo(entity(e.getKey(), e.getValue())))
				.map(e -> new PlanScope(actor, e.getKey(),
						e.getValue().stream().map(v -> new PlanScope.Version(v, plans.scorer(v).plan())).toList()))
				.filter(PlanScope::anything)
				.sorted(Comparator.comparing(PlanScope::year, Comparator.nullsLast(Comparator.reverseOrder()))
						.thenComparing(PlanScope::lastReceived, Comparator.nullsLast(Comparator.reverseOrder())))
				.toList();
	}

	private String entity(String planId, List<PlanVersionFact> versions) {
		return entities.computeIfAbsent(planId, id -> plans.scorer(versions.get(0)).plan().entity());
	}
}
