package org.cicloperformance.planservice.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code ciclo.security.*}: the JWT claim names of the identity provider, the request size limit and, for the
 * embedded default only ({@code local} profile), users defined in configuration.
 */
@ConfigurationProperties("ciclo.security")
record SecuritySettings(Claims claims, List<LocalUser> localUsers, DataSize maxRequestSize,
		List<String> allowedOrigins) {

	public SecuritySettings {
		claims = claims == null ? new Claims(null, null, null, null, null) : claims;
		localUsers = localUsers == null ? List.of() : List.copyOf(localUsers);
		allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
		maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(2) : maxRequestSize;
	}

	public record Claims(String username, String roles, String entity, String areas, String manager) {

		public Claims {
			username = username == null ? "preferred_username" : username;
			roles = roles == null ? "roles" : roles;
			entity = entity == null ? "entity" : entity;
			areas = areas == null ? "areas" : areas;
			manager = manager == null ? "manager" : manager;
		}
	}

	public record LocalUser(String username, String password, Set<Role> roles, String entity, Set<String> areas,
			String manager) {

		Actor actor() {
			return new Actor(username, entity, roles, areas, manager);
		}
	}
}
