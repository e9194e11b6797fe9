package org.cicloperformance.monitoringservice.security;

import java.util.Arrays;
import java.util.Set;

/**
 * Who is calling: a user of one entity (the tenant), with roles, the organisational areas an area office works
 * for, and the manager id a MANAGER is.
 */
public record Actor(String username, String entity, Set<Role> roles, Set<String> areas, String manager) {

	public Actor {
		roles = roles == null ? Set.of() : Set.copyOf(roles);
		areas = areas == null ? Set.of() : Set.copyOf(areas);
	}

	public boolean hasAnyRole(Role... wanted) {
		return Arrays.stream(wanted).anyMatch(roles::contains);
	}

	public boolean belongsTo(String entityOfData) {
		return entity != null && entity.equals(entityOfData);
	}

	/** An area office works for the objectives of its organisational areas only; an unknown area is nobody's. */
	public boolean worksFor(String organisationalArea) {
		return organisationalArea != null && areas.contains(organisationalArea);
	}
}
