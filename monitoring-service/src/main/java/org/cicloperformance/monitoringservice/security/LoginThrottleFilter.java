package org.cicloperformance.monitoringservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Applies the {@link LoginThrottle} to every password sign-in: HTTP Basic on the API and, where there is one, the
 * dashboard's login form. It runs before authentication: a user name or address at its limit gets 429 with
 * {@code Retry-After}, and the password is not even checked. After the chain, a 401 (or a failed form login) counts
 * as a failure. It also hands the tried user name to the audit, so that every failed sign-in is on record by name.
 */
@Component
class LoginThrottleFilter extends OncePerRequestFilter {

	/** The login form's address, in the services that have a dashboard. */
	static final String LOGIN_FORM = "/dashboard/login";

	private final LoginThrottle throttle;

	private final ProblemResponses problems;

	private final java.util.Map<String, String> entities = new java.util.HashMap<>();

	LoginThrottleFilter(LoginThrottle throttle, ProblemResponses problems, SecuritySettings settings) {
		this.throttle = throttle;
		this.problems = problems;
		settings.localUsers().forEach(u -> entities.put(u.username(), u.entity()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Optional<String> user = attemptedUser(request);
		if (user.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		request.setAttribute(AuditedRequests.ATTEMPTED_USER, user.get());
		if (entities.get(user.get()) != null) {
			request.setAttribute(AuditedRequests.ATTEMPTED_ENTITY, entities.get(user.get()));
		}
		String address = request.getRemoteAddr();
		Optional<Duration> wait = throttle.refusal(user.get(), address);
		if (wait.isPresent()) {
			long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
			request.setAttribute(AuditedRequests.REFUSED_AS, 429);
			response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(seconds));
			problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "throttled", seconds);
			return;
		}
		chain.doFilter(request, response);
		boolean failed = response.getStatus() == 401
				|| Integer.valueOf(401).equals(request.getAttribute(AuditedRequests.REFUSED_AS));
		if (failed) {
			throttle.failed(user.get(), address);
		}
		else if (Actors.isIdentified(SecurityContextHolder.getContext().getAuthentication())) {
			throttle.succeeded(user.get());
		}
	}

	/** The user name of a login form post, or of a Basic header; empty when no password is sent. */
	static Optional<String> attemptedUser(HttpServletRequest request) {
		if ("POST".equals(request.getMethod())
				&& LOGIN_FORM.equals(request.getRequestURI().substring(request.getContextPath().length()))) {
			String name = request.getParameter("username");
			return Optional.of(truncate(name == null ? "" : name));
		}
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			try {
				String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()),
						StandardCharsets.UTF_8);
				int colon = decoded.indexOf(':');
				return Optional.of(truncate(colon < 0 ? decoded : decoded.substring(0, colon)));
			}
			catch (IllegalArgumentException unreadable) {
				return Optional.of("");
			}
		}
		return Optional.empty();
	}

	private static String truncate(String name) {
		return name.length() > 100 ? name.substring(0, 100) : name;
	}
}
