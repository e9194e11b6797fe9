package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The dashboard's assets at an address that changes with their content are cached for a year and never
 * revalidated: the CSS and script fingerprinted by the resource chain ({@code dashboard-<md5>.css}) and the WebJars
 * at their versioned path (the chart library, 1 MB). Anything else keeps the no-store that Spring Security writes
 * (it leaves a Cache-Control already set alone), so pages and unversioned addresses are never served stale.
 */
@Component
class LongLivedAssets extends OncePerRequestFilter {

	static final String FOREVER = "max-age=31536000, public, immutable";

	private static final Pattern VERSIONED = Pattern
			.compile("/dashboard/assets/[^/]+-[0-9a-f]{32}\\.(css|js)|/webjars/[^/]+/\\d[^/]*/.+");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
				&& VERSIONED.matcher(path).matches()) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, FOREVER);
		}
		chain.doFilter(request, response);
	}
}
