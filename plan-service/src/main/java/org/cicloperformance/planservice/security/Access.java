package org.cicloperformance.planservice.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what in plan-service. Data of another entity is reported as not found rather than forbidden, so
 * that a user cannot even learn that it exists.
 */
@Component
public class Access {

	private final Actors actors;

	Access(Actors actors) {
		this.actors = actors;
	}

	/** Reading plans: everyone but HR, which reads only the HR feed. */
	public Actor reader() {
		return requireAny(Role.PLANNER, Role.AREA_OFFICE, Role.MANAGER, Role.OIV, Role.VIEWER);
	}

	public Actor planner() {
		return requireAny(Role.PLANNER);
	}

	public Actor requireAny(Role... roles) {
		var actor = actors.current();
		if (!actor.hasAnyRole(roles)) {
			throw new AccessDeniedException("role");
		}
		return actor;
	}

	/** A planner may only create or import plans of its own entity. */
	public void requireOwnEntity(Actor actor, String entity) {
		if (!actor.belongsTo(entity)) {
			throw new AccessDeniedException("entity");
		}
	}
}
