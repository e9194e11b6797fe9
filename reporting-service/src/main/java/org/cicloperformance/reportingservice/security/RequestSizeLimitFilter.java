package org.cicloperformance.reportingservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code ciclo.security.max-request-size} (64 KB: JSON and forms) and, for the
 * paths a feature declares as an {@link UploadLimit} (the dashboard's result entry with its file), larger than that
 * feature's limit, before anything reads them. A body without a declared length (chunked) is refused too: its size
 * could only be learnt by reading it.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	private final long limit;

	private final List<UploadLimit> uploads;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(SecuritySettings settings, List<UploadLimit> uploads, ProblemResponses problems) {
		this.limit = settings.maxRequestSize().toBytes();
		this.uploads = List.copyOf(uploads);
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long allowed = allowed(request);
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (declared > allowed || chunked) {
			problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", allowed);
			return;
		}
		chain.doFilter(request, response);
	}

	private long allowed(HttpServletRequest request) {
		if (!"POST".equals(request.getMethod())) {
			return limit;
		}
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return uploads.stream().filter(upload -> upload.covers(path)).mapToLong(UploadLimit::maxBytes).findFirst()
			.orElse(limit);
	}
}
