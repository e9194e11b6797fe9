package org.cicloperformance.reportingservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code ciclo.security.max-request-size}, or streamed without a declared
 * length, before anything reads them. This service takes no uploads: its bodies are a login form at most.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	RequestSizeLimitFilter(SecuritySettings settings) {
		this.limit = settings.maxRequestSize().toBytes();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (declared > limit || chunked) {
			response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter().write("{\"type\":\"https://cicloperformance.org/problems/too-large\",\"title\":"
					+ "\"Richiesta troppo grande\",\"status\":413,\"detail\":\"Il corpo della richiesta supera "
					+ limit + " byte (o non ne dichiara la lunghezza).\"}");
			return;
		}
		chain.doFilter(request, response);
	}
}
