package org.cicloperformance.monitoringservice.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in monitoring-service. Data of another entity is reported as not found rather than forbidden,
 * so that a user cannot even learn that it exists; which objectives an area office may report on is decided per
 * item against the plan (see {@code ResultController}).
 */
@Component
public class Access {

	private final Actors actors;

	Access(Actors actors) {
		this.actors = actors;
	}

	/** Reading results and plans: everyone but HR, which reads only the HR feed. */
	public Actor reader() {
		return requireAny(Role.PLANNER, Role.AREA_OFFICE, Role.MANAGER, Role.OIV, Role.VIEWER);
	}

	/** Recording results: area offices only. */
	public Actor recorder() {
		return requireAny(Role.AREA_OFFICE);
	}

	/** Reading the audit trail: the planning office and the independent evaluation body. */
	public Actor auditor() {
		return requireAny(Role.PLANNER, Role.OIV);
	}

	public Actor requireAny(Role... roles) {
		var actor = actors.current();
		if (!actor.hasAnyRole(roles)) {
			throw new AccessDeniedException("role");
		}
		return actor;
	}
}
