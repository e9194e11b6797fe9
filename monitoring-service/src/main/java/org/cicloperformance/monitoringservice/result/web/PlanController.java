package org.cicloperformance.monitoringservice.result.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "plans", description = "The approved plan versions this service has received (diagnosis)")
class PlanController {

	private final PlanVersionStore store;

	PlanController(PlanVersionStore store) {
		this.store = store;
	}

	record KnownVersion(int version, List<String> appliesTo, String eventType, String eventId, Instant receivedAt) {
	}

	record KnownPlan(String planId, String entity, Integer year, List<KnownVersion> versions) {
	}

	@Operation(summary = "Plans known to this service, with the versions received")
	@GetMapping("/api/plans")
	List<KnownPlan> plans() {
		Map<String, List<PlanVersion>> byPlan = new LinkedHashMap<>();
		for (PlanVersion version : store.all()) {
			byPlan.computeIfAbsent(version.planId(), k -> new java.util.ArrayList<>()).add(version);
		}
		return byPlan.values().stream().map(versions -> {
			PlanVersion first = versions.get(0);
			return new KnownPlan(first.planId(), first.entity(), first.year(), versions.stream()
					.map(v -> new KnownVersion(v.version(), v.appliesTo(), v.eventType(), v.eventId(), v.receivedAt()))
					.toList());
		}).toList();
	}
}
