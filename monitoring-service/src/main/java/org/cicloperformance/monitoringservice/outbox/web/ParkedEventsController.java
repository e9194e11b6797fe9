package org.cicloperformance.monitoringservice.outbox.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.cicloperformance.monitoringservice.outbox.ParkedEvents;
import org.cicloperformance.monitoringservice.outbox.ParkedEvents.Parked;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "outbox", description = "Events Kafka refused for good, parked so that the others keep flowing")
class ParkedEventsController {

	private final ParkedEvents parked;

	private final Access access;

	ParkedEventsController(ParkedEvents parked, Access access) {
		this.parked = parked;
		this.access = access;
	}

	@Operation(summary = "The events of the caller's entity that Kafka refused for good (e.g. too large), latest first, "
			+ "with the reason; not their payload. PLANNER only")
	@GetMapping("/api/outbox/parked")
	List<Parked> parked() {
		return parked.of(access.requireAny(Role.PLANNER).entity());
	}
}
