package org.cicloperformance.monitoringservice.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies larger than {@code ciclo.security.max-request-size} (JSON, 2 MB) or, for CSV uploads,
 * {@code ciclo.security.max-upload-size} (5 MB, as the multipart limits), before anything reads them. A body
 * without a declared length (chunked) is refused too: its size could only be learnt by reading it.
 */
@Component
class RequestSizeLimitFilter extends OncePerRequestFilter {

	static final String CSV_UPLOAD = "/api/results/csv";

	private final long limit;

	private final long uploadLimit;

	private final ProblemResponses problems;

	RequestSizeLimitFilter(SecuritySettings settings, ProblemResponses problems) {
		this.limit = settings.maxRequestSize().toBytes();
		this.uploadLimit = settings.maxUploadSize().toBytes();
		this.problems = problems;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		long allowed = isCsvUpload(request) ? uploadLimit : limit;
		long declared = request.getContentLengthLong();
		boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
		if (declared > allowed || chunked) {
			problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "too-large", allowed);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean isCsvUpload(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && CSV_UPLOAD.equals(path);
	}
}
