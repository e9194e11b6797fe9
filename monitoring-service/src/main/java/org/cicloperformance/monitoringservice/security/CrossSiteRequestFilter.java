package org.cicloperformance.monitoringservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CSRF protection of the stateless API. The API keeps no session, but a browser that knows a Basic password (the
 * embedded demo) sends it on its own, also with a form that another site submits ({@code text/plain} bodies need
 * no preflight). A state-changing request therefore passes only if what the browser says about its origin, which
 * no page can forge, names this service:
 * <ul>
 * <li>{@code Sec-Fetch-Site} {@code same-origin} or {@code none} (typed by the user) passes; any other value
 * ({@code cross-site}, {@code same-site}) passes only with an {@code Origin} of {@code ciclo.security.allowed-origins};</li>
 * <li>without {@code Sec-Fetch-Site} (older browsers), an {@code Origin} must be this service's own or an allowed one;</li>
 * <li>without either, the client is not a browser (curl, scripts, the other services): it passes.</li>
 * </ul>
 * A request with a Bearer token passes: no cross-site form can set an {@code Authorization} header.
 */
@Component
class CrossSiteRequestFilter extends OncePerRequestFilter {

	private final Set<String> allowedOrigins;

	private final ProblemResponses problems;

	CrossSiteRequestFilter(SecuritySettings settings, ProblemResponses problems) {
		this.allowedOrigins = settings.allowedOrigins().stream().map(BrowserRequests::normalise)
			.filter(o -> o != null).collect(Collectors.toUnmodifiableSet());
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (BrowserRequests.changesState(request) && !bearer(request) && !trusted(request)) {
			problems.write(request, response, HttpStatus.FORBIDDEN, "cross-site");
			return;
		}
		chain.doFilter(request, response);
	}

	boolean trusted(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (site != null) {
			String value = site.trim().toLowerCase(Locale.ROOT);
			if (value.equals("same-origin") || value.equals("none")) {
				return true;
			}
			return origin != null && allowedOrigins.contains(BrowserRequests.normalise(origin));
		}
		if (origin == null) {
			return true;
		}
		String normalised = BrowserRequests.normalise(origin);
		return normalised != null
				&& (normalised.equals(BrowserRequests.ownOrigin(request)) || allowedOrigins.contains(normalised));
	}

	private static boolean bearer(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
	}
}
