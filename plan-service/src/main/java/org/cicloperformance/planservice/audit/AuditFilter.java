package org.cicloperformance.planservice.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.cicloperformance.planservice.security.Actor;
import org.cicloperformance.planservice.security.AuditedRequests;
import org.cicloperformance.planservice.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write and every refused call once the response status is known. It runs at the start of each
 * security filter chain, just after the security context is loaded, so it also sees the refusals decided before
 * authorisation: a wrong password (401), a cross-site or CSRF refusal (403), a failed or throttled login (429). The identity is the one after
 * the chain (a login establishes it) or, when the chain ended it (a logout), the one before.
 */
@Component
class AuditFilter extends OncePerRequestFilter implements AuditedRequests.Recorder {


	private static final Logger log = LoggerFactory.getLogger(AuditFilter.class);

	private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

	private final AuditTrail trail;

	private final Actors actors;

	private final Clock clock;

	AuditFilter(AuditTrail trail, Actors actors, Clock clock) {
		this.trail = trail;
		this.actors = actors;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication before = SecurityContextHolder.getContext().getAuthentication();
		boolean failed = true;
		try {
			chain.doFilter(request, response);
			failed = false;
		}
		finally {
			Authentication after = SecurityContextHolder.getContext().getAuthentication();
			Object refusedAs = request.getAttribute(AuditedRequests.REFUSED_AS);
			int status = failed ? 500 : refusedAs instanceof Integer refusal ? refusal : response.getStatus();
			boolean refused = status == 401 || status == 403 || status == 429;
			if (!READS.contains(request.getMethod()) || refused) {
				record(request, status, Actors.isIdentified(after) ? after : before);
			}
		}
	}

	private void record(HttpServletRequest request, int status, Authentication authentication) {
		Actor actor = null;
		try {
			actor = actors.of(authentication);
		}
		catch (RuntimeException anonymous) {
			// no identity: recorded as anonymous, or as the name a refused login tried
		}
		Object attempted = request.getAttribute(AuditedRequests.ATTEMPTED_USER);
		String who = actor != null ? actor.username()
				: attempted instanceof String name && !name.isBlank() ? truncate(name) : "anonimo";
		Object attemptedEntity = request.getAttribute(AuditedRequests.ATTEMPTED_ENTITY);
		String entity = actor != null ? actor.entity() : attemptedEntity instanceof String e ? e : null;
		var entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(), who, entity, request.getMethod(),
				truncate(request.getRequestURI()), status, AuditEntry.outcomeOf(status), request.getRemoteAddr());
		try {
			trail.append(entry);
		}
		catch (RuntimeException e) {
			// the response is already decided; losing the audit line must at least be loud
			log.error("Audit entry not stored: {}", entry, e);
		}
	}

	private static String truncate(String text) {
		return text.length() > 200 ? text.substring(0, 200) : text;
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}
}
