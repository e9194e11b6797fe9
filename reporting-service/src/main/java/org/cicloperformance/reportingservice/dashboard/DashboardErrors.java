package org.cicloperformance.reportingservice.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cicloperformance.reportingservice.security.Actors;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * A page, not a ProblemDetail, when a dashboard page asks for something that does not exist (404) or that the
 * reader's role does not open (403), in the reader's language.
 */
@ControllerAdvice(assignableTypes = { DashboardController.class, EvaluationController.class,
		PayPagesController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class DashboardErrors {

	private final MessageSource messages;

	private final Actors actors;

	DashboardErrors(MessageSource messages, Actors actors) {
		this.messages = messages;
		this.actors = actors;
	}

	@ExceptionHandler(NotFoundException.class)
	String notFound(NotFoundException e, Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.NOT_FOUND.value());
		chrome(model, request);
		model.addAttribute("message",
				messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), LocaleContextHolder.getLocale()));
		return "dashboard/not-found";
	}

	@ExceptionHandler(AccessDeniedException.class)
	String forbidden(Model model, HttpServletRequest request, HttpServletResponse response) {
		response.setStatus(HttpStatus.FORBIDDEN.value());
		chrome(model, request);
		return "dashboard/forbidden";
	}

	/** The header of every page: the language switch and who is signed in. */
	private void chrome(Model model, HttpServletRequest request) {
		model.addAttribute("languages", Languages.of(request, LocaleContextHolder.getLocale()));
		try {
			model.addAttribute("user", SignedIn.of(actors.current()));
		}
		catch (RuntimeException anonymous) {
			// not signed in (a refusal before the login): the header names nobody
		}
	}
}
