package org.cicloperformance.planservice.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cicloperformance.planservice.plan.messaging.ParkedEvent;
import org.cicloperformance.planservice.plan.messaging.ParkedEvents;
import org.cicloperformance.planservice.security.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/outbox")
@Tag(name = "Eventi", description = "Plan events the broker refused for good (parked), for a planner to act on")
class OutboxController {

	private final ParkedEvents parked;

	private final Access access;

	OutboxController(ParkedEvents parked, Access access) {
		this.parked = parked;
		this.access = access;
	}

	@GetMapping("/parked")
	@Operation(summary = "The parked events of the caller's entity, oldest first (PLANNER)")
	List<ParkedEvent> parked() {
		return parked.of(access.planner().entity());
	}
}
