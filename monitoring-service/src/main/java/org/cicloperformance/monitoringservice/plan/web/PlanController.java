package org.cicloperformance.monitoringservice.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "plans", description = "The approved plan versions this service has received (diagnosis)")
class PlanController {

	private final PlanVersionStore store;

	private final Access access;

	PlanController(PlanVersionStore store, Access access) {
		this.store = store;
		this.access = access;
	}

	record KnownVersion(int version, List<String> appliesTo, String eventType, String eventId, Instant receivedAt) {
	}

	record KnownPlan(String planId, String entity, Integer year, List<KnownVersion> versions) {
	}

	@Operation(summary = "Plans of the caller's entity known to this service, with the versions received "
			+ "(every role but HR)")
	@GetMapping("/api/plans")
	List<KnownPlan> plans() {
		Actor actor = access.reader();
		Map<String, List<PlanVersion>> byPlan = new LinkedHashMap<>();
		for (PlanVersion version : store.all()) {
			if (!actor.belongsTo(version.owner())) {
				continue;
			}
			byPlan.computeIfAbsent(version.planId(), k -> new java.util.ArrayList<>()).add(version);
		}
		return byPlan.values().stream().map(versions -> {
			PlanVersion first = versions.get(0);
			return new KnownPlan(first.planId(), first.owner(), first.year(), versions.stream()
					.map(v -> new KnownVersion(v.version(), v.appliesTo(), v.eventType(), v.eventId(), v.receivedAt()))
					.toList());
		}).toList();
	}
}
