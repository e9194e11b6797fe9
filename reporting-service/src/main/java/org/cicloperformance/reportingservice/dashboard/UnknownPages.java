package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.cicloperformance.reportingservice.security.Actors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address under {@code /dashboard} that names no page (a trimmed one such as {@code /dashboard/plans}) gets the
 * dashboard's not-found page in the reader's language, not the API's ProblemDetail: no controller maps it, so the
 * static resources answer {@link NoResourceFoundException}, which this resolver turns into the page before the
 * API's handlers see it. Anything outside the dashboard is left to them.
 */
@Component
class UnknownPages implements HandlerExceptionResolver, Ordered {

	private final MessageSource messages;

	private final Actors actors;

	UnknownPages(MessageSource messages, Actors actors) {
		this.messages = messages;
		this.actors = actors;
	}

	@Override
	public ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response, Object handler,
			Exception exception) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean dashboard = path.equals("/dashboard") || path.startsWith("/dashboard/");
		if (!dashboard || !(exception instanceof NoResourceFoundException || exception instanceof NoHandlerFoundException)) {
			return null;
		}
		var locale = LocaleContextHolder.getLocale();
		ModelAndView page = new ModelAndView("dashboard/not-found", Map.of("message",
				messages.getMessage("notFound.page", new Object[] { path }, locale),
				"languages", Languages.of(request, locale)), HttpStatus.NOT_FOUND);
		try {
			page.addObject("user", SignedIn.of(actors.current()));
		}
		catch (RuntimeException anonymous) {
			// not signed in (a public path such as /dashboard/assets/…): the header names nobody
		}
		return page;
	}

	/** Before Spring MVC's own resolvers (order 0), after Boot's error attributes (which only record). */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE + 1;
	}
}
