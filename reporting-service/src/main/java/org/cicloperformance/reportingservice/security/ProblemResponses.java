package org.cicloperformance.reportingservice.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals of the security layer (401, 403, 413, 429) as {@code application/problem+json}, in the caller's
 * language, in the shape of every other refusal (type, title, status, detail, errors). Texts are the
 * {@code security.<code>.title|detail} keys of the message bundles.
 * <p>
 * The 401 names only the schemes this instance accepts, and never invites Basic authentication to a browser: a
 * browser that showed its login prompt would keep the password and send it with every later request, cross-site
 * forms included. Scripts and command-line clients (no {@code Sec-Fetch-*}, {@code Origin} or HTML
 * {@code Accept}) still get the Basic challenge.
 */
@Component
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private static final String TYPE_BASE = "https://cicloperformance.org/problems/";

	private static final String BASIC = "Basic realm=\"ciclo-performance\"";

	private final MessageSource messages;

	private final LocaleResolver locales;

	private final JsonMapper json;

	private final boolean basic;

	private final boolean bearer;

	ProblemResponses(MessageSource messages, LocaleResolver localeResolver, JsonMapper json,
			SecuritySettings settings, ObjectProvider<JwtDecoder> jwtDecoder) {
		this.messages = messages;
		this.locales = localeResolver;
		this.json = json;
		this.basic = !settings.localUsers().isEmpty();
		this.bearer = jwtDecoder.getIfAvailable() != null;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
			throws IOException {
		response.setHeader("WWW-Authenticate", challenge(request));
		write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		write(request, response, HttpStatus.FORBIDDEN, "forbidden");
	}

	/** The schemes of the 401: Basic only for non-browser clients of an instance with local users. */
	String challenge(HttpServletRequest request) {
		if (basic && !BrowserRequests.isBrowser(request)) {
			return bearer ? BASIC + ", Bearer" : BASIC;
		}
		return "Bearer";
	}

	/** One refusal; {@code code} names the problem type and the bundle keys, {@code args} fill the detail. */
	public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			Object... args) throws IOException {
		var locale = locales.resolveLocale(request);
		var detail = messages.getMessage("security." + code + ".detail", args, code, locale);
		var problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(messages.getMessage("security." + code + ".title", null, status.getReasonPhrase(), locale));
		problem.setType(URI.create(TYPE_BASE + code));
		problem.setInstance(URI.create(request.getRequestURI()));
		Map<String, Object> error = new LinkedHashMap<>();
		error.put("pointer", "");
		error.put("code", code);
		error.put("message", detail);
		problem.setProperty("errors", List.of(error));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
