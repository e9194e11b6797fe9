package org.cicloperformance.monitoringservice.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/** Turns whatever authenticated the request (a local user or a JWT) into an {@link Actor}. */
@Component
public class Actors {

	private final SecuritySettings.Claims claims;

	Actors(SecuritySettings settings) {
		this.claims = settings.claims();
	}

	public Actor current() {
		return of(SecurityContextHolder.getContext().getAuthentication());
	}

	public Actor of(Authentication authentication) {
		if (authentication == null || !authentication.isAuthenticated()) {
			throw new InsufficientAuthenticationException("not authenticated");
		}
		if (authentication.getPrincipal() instanceof LocalUserDetails local) {
			return local.actor();
		}
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			return fromJwt(jwt);
		}
		throw new InsufficientAuthenticationException("unsupported authentication " + authentication.getClass());
	}

	private Actor fromJwt(Jwt jwt) {
		var username = jwt.hasClaim(claims.username()) ? jwt.getClaimAsString(claims.username()) : jwt.getSubject();
		var roles = new HashSet<Role>();
		for (var name : strings(jwt, claims.roles())) {
			try {
				roles.add(Role.valueOf(name.toUpperCase()));
			}
			catch (IllegalArgumentException unknownRole) {
				// roles of other applications in the same token are none of our business
			}
		}
		var manager = jwt.hasClaim(claims.manager()) ? jwt.getClaimAsString(claims.manager()) : null;
		return new Actor(username, jwt.getClaimAsString(claims.entity()), roles, strings(jwt, claims.areas()), manager);
	}

	private static Set<String> strings(Jwt jwt, String claim) {
		Object value = jwt.getClaims().get(claim);
		var out = new HashSet<String>();
		if (value instanceof Collection<?> values) {
			values.forEach(v -> out.add(String.valueOf(v)));
		}
		else if (value instanceof String text && !text.isBlank()) {
			for (var part : text.split("[,\\s]+")) {
				out.add(part);
			}
		}
		return out;
	}
}
