package org.cicloperformance.reportingservice.security;

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

	/** The manager this identity is, if it is a MANAGER with a manager id. */
	public boolean isManager(String managerId) {
		return roles.contains(Role.MANAGER) && manager != null && manager.equals(managerId);
	}
}
