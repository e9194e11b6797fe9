package org.cicloperformance.monitoringservice.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401, 403 and 413 as {@code application/problem+json}, in the caller's language and in the shape of every other
 * refusal of this service (type, title, status, detail, errors).
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String TYPE_BASE = "https://cicloperformance.org/problems/";

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	ProblemResponses(MessageSource messages, LocaleResolver localeResolver, JsonMapper json) {
		this.messages = messages;
		this.locales = localeResolver;
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"ciclo-performance\", Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden");
	}

	void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object... args) throws IOException {
		var locale = locales.resolveLocale(request);
		var message = messages.getMessage("error." + code, args, code, locale);
		var problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setTitle(messages.getMessage("problem.title." + code, null, status.getReasonPhrase(), locale));
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setInstance(URI.create(request.getRequestURI()));
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("pointer", "");
		error.put("code", code);
		error.put("message", message);
		problem.setProperty("errors", List.of(error));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
