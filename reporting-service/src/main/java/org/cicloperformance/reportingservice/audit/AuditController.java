package org.cicloperformance.reportingservice.audit;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who rebuilt, signed in or was refused, when and from where")
class AuditController {

	private final AuditTrail trail;

	private final Access access;

	AuditController(AuditTrail trail, Access access) {
		this.trail = trail;
		this.access = access;
	}

	@GetMapping("/api/audit")
	@Operation(summary = "The audit trail of the caller's entity, newest first (PLANNER and OIV)")
	List<AuditEntry> audit(@RequestParam(required = false) Instant from,
			@RequestParam(defaultValue = "200") int limit) {
		var actor = access.requireAny(Role.PLANNER, Role.OIV);
		return trail.of(actor.entity(), from, Math.min(Math.max(limit, 1), 1000));
	}
}
