package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps, in the server-side session only, the local user's credentials that the login form has just proved, so
 * that the result entry can send the office's result to monitoring-service as that user (monitoring checks the
 * area, the checkpoint gate and records who reported). It runs around the security chain on the login form's
 * POST and stores nothing unless that very request signed the same user in. The credentials never reach a page,
 * a cookie or a log ({@link Basic#toString()}), and go with the session (sign-out, expiry). Local users exist only
 * in the embedded demo stack; with the identity provider the user's access token would be relayed instead
 * (docs/architecture.md, "Result entry in the dashboard").
 */
final class SignInCredentials extends OncePerRequestFilter {

	static final String ATTRIBUTE = SignInCredentials.class.getName();

	/** HTTP Basic credentials of the signed-in user. */
	record Basic(String username, String password) implements Serializable {

		String header() {
			return "Basic " + Base64.getEncoder()
					.encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
		}

		@Override
		public String toString() {
			return "Basic[" + username + "]";
		}
	}

	static Optional<Basic> of(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		return session != null && session.getAttribute(ATTRIBUTE) instanceof Basic basic ? Optional.of(basic)
				: Optional.empty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"POST".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String username = request.getParameter("username");
		String password = request.getParameter("password");
		chain.doFilter(request, response);
		HttpSession session = request.getSession(false);
		if (username == null || password == null || session == null) {
			return;
		}
		if (session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY)
				instanceof SecurityContext context && context.getAuthentication() != null
				&& context.getAuthentication().isAuthenticated()
				&& username.equals(context.getAuthentication().getName())) {
			session.setAttribute(ATTRIBUTE, new Basic(username, password));
		}
	}
}
