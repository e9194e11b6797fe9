package org.cicloperformance.monitoringservice.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
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

	/** Whether a real identity (not the anonymous one) authenticated the request. */
	public static boolean isIdentified(Authentication authentication) {
		return authentication != null && authentication.isAuthenticated()
				&& !(authentication instanceof AnonymousAuthenticationToken);
	}

	public Actor of(Authentication authentication) {
		if (!isIdentified(authentication)) {
			throw new InsufficientAuthenticationException("not authenticated");
		}
		if (authentication.getPrincipal() instanceof LocalUserDetails local) {
			return local.actor();
		}
		if (authentication.getPrincipal() instanceof Jwt jwt) {
			return fromClaims(jwt.getClaims(), jwt.getSubject());
		}
		throw new InsufficientAuthenticationException("unsupported authentication " + authentication.getClass());
	}

	/** The same claim names for every token-like identity (today a JWT of the resource server). */
	Actor fromClaims(Map<String, Object> values, String subject) {
		var username = string(values, claims.username());
		var roles = new HashSet<Role>();
		for (var name : strings(values, claims.roles())) {
			try {
				roles.add(Role.valueOf(name.toUpperCase()));
			}
			catch (IllegalArgumentException unknownRole) {
				// roles of other applications in the same token are none of our business
			}
		}
		return new Actor(username == null ? subject : username, string(values, claims.entity()), roles,
				strings(values, claims.areas()), string(values, claims.manager()));
	}

	private static String string(Map<String, Object> values, String claim) {
		Object value = values.get(claim);
		return value == null ? null : String.valueOf(value);
	}

	private static Set<String> strings(Map<String, Object> values, String claim) {
		Object value = values.get(claim);
		var out = new HashSet<String>();
		if (value instanceof Collection<?> many) {
			many.forEach(v -> out.add(String.valueOf(v)));
		}
		else if (value instanceof String text && !text.isBlank()) {
			for (var part : text.trim().split("[,\\s]+")) {
				out.add(part);
			}
		}
		return out;
	}
}
