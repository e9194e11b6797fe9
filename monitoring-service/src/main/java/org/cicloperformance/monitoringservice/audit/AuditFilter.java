package org.cicloperformance.monitoringservice.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Actors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every write and every refused call once the response status is known. It runs inside the security
 * filter chain around authentication and authorisation, so it sees the user (still in the security context when
 * the chain returns) and every 401/403, including those for bad credentials.
 */
@Component
public class AuditFilter extends OncePerRequestFilter {

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
		try {
			chain.doFilter(request, response);
		}
		finally {
			int status = response.getStatus();
			boolean refused = status == 401 || status == 403;
			if (!READS.contains(request.getMethod()) || refused) {
				record(request, status, SecurityContextHolder.getContext().getAuthentication());
			}
		}
	}

	private void record(HttpServletRequest request, int status, Authentication authentication) {
		Actor actor = null;
		try {
			actor = actors.of(authentication);
		}
		catch (RuntimeException anonymous) {
			// no identity: recorded as anonymous
		}
		var entry = new AuditEntry(UUID.randomUUID().toString(), clock.instant(),
				actor == null ? "anonimo" : actor.username(), actor == null ? null : actor.entity(), request.getMethod(),
				request.getRequestURI(), status, AuditEntry.outcomeOf(status), request.getRemoteAddr());
		try {
			trail.append(entry);
		}
		catch (RuntimeException e) {
			// the response is already decided; losing the audit line must at least be loud
			log.error("Audit entry not stored: {}", entry, e);
		}
	}

	@Override
	protected boolean shouldNotFilterAsyncDispatch() {
		return true;
	}
}
