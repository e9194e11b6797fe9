package org.cicloperformance.reportingservice.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 of the JSON API as {@code application/problem+json}, in the caller's language, like every other
 * refusal. The challenge names only the schemes this instance accepts.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	private final String challenge;

	ProblemResponses(MessageSource messages, LocaleResolver locales, JsonMapper json, boolean basic, boolean bearer) {
		this.messages = messages;
		this.locales = locales;
		this.json = json;
		var schemes = new java.util.ArrayList<String>();
		if (basic) {
			schemes.add("Basic realm=\"ciclo-performance\"");
		}
		if (bearer || !basic) {
			schemes.add("Bearer");
		}
		this.challenge = String.join(", ", schemes);
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setHeader("WWW-Authenticate", challenge);
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden");
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String kind)
			throws IOException {
		var locale = locales.resolveLocale(request);
		var problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage("problem." + kind + ".detail", null, locale));
		problem.setTitle(messages.getMessage("problem." + kind + ".title", null, locale));
		problem.setType(URI.create("https://cicloperformance.org/problems/" + kind));
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
