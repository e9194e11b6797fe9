package org.cicloperformance.planservice.web;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.cicloperformance.planservice.plan.EventTooLargeException;
import org.cicloperformance.planservice.plan.InvalidPlanException;
import org.cicloperformance.planservice.plan.PlanConflictException;
import org.cicloperformance.planservice.plan.PlanNotFoundException;
import org.cicloperformance.planservice.plan.Violation;
import org.cicloperformance.planservice.proposal.ProposalNotFoundException;
import org.cicloperformance.planservice.smvp.InvalidSmvpException;
import org.cicloperformance.planservice.smvp.SmvpConflictException;
import org.cicloperformance.planservice.smvp.SmvpNotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Every refusal as {@code application/problem+json}, in the user's language: a title, a detail, and for invalid
 * input the list of {@code errors}, each naming the field by JSON pointer and the reason. Service-wide, so it lives
 * in {@code web} and depends on the features' exceptions; no feature depends on it.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final String TYPE_BASE = "https://cicloperformance.org/problems/";

	private final MessageSource messages;

	ApiProblems(MessageSource messages) {
		this.messages = messages;
	}

	record FieldError(String pointer, String code, String message) {
	}

	@ExceptionHandler
	ProblemDetail invalid(InvalidPlanException e) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-plan", "problem.invalid.title",
				"problem.invalid.detail", e.violations().size());
		problem.setProperty("errors", e.violations().stream().map(this::error).toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidSmvp(InvalidSmvpException e) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid-smvp", "problem.invalidSmvp.title",
				"problem.invalid.detail", e.violations().size());
		problem.setProperty("errors", e.violations().stream().map(this::error).toList());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail smvpNotFound(SmvpNotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "smvp-not-found", "problem.smvpNotFound.title",
				"problem.smvpNotFound.detail", e.smvpId());
	}

	@ExceptionHandler
	ProblemDetail smvpConflict(SmvpConflictException e) {
		return problem(HttpStatus.CONFLICT, "conflict-" + e.code(), "problem.smvpConflict.title",
				"conflict." + e.code(), e.args().toArray());
	}

	@ExceptionHandler
	ProblemDetail eventTooLarge(EventTooLargeException e) {
		var problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "event-too-large", "problem.eventTooLarge.title",
				"problem.eventTooLarge.detail", String.valueOf(e.size()), String.valueOf(e.limit()));
		problem.setProperty("size", e.size());
		problem.setProperty("limit", e.limit());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(PlanNotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "plan-not-found", "problem.notFound.title", "problem.notFound.detail",
				e.planId());
	}

	@ExceptionHandler
	ProblemDetail proposalNotFound(ProposalNotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, "proposal-not-found", "problem.notFound.title",
				"problem.proposalNotFound.detail");
	}

	@ExceptionHandler
	ProblemDetail conflict(PlanConflictException e, WebRequest request) {
		boolean preconditionFailed = e.stale() && request.getHeader(HttpHeaders.IF_MATCH) != null;
		var status = preconditionFailed ? HttpStatus.PRECONDITION_FAILED : HttpStatus.CONFLICT;
		return problem(status, "conflict-" + e.code(), "problem.conflict.title", "conflict." + e.code(),
				e.args().toArray());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = problem(HttpStatus.BAD_REQUEST, "unreadable", "problem.unreadable.title",
				"problem.unreadable.detail");
		// never the parser's own message: it names internal classes (org.cicloperformance..., tools.jackson...)
		var jackson = jacksonCause(ex);
		if (jackson != null) {
			problem.setProperty("errors", List.of(unreadable(jackson)));
		}
		return ResponseEntity.badRequest().body(problem);
	}

	private FieldError unreadable(JacksonException e) {
		var pointer = pointer(e);
		if (limitBroken(e)) {
			return new FieldError(pointer, "unreadable.limits", text("violation.unreadable.limits"));
		}
		var location = e.getLocation();
		if (pointer.isEmpty() && location != null && location.getLineNr() > 0) {
			return new FieldError(pointer, "unreadable", text("violation.unreadable.at",
					String.valueOf(location.getLineNr()), String.valueOf(location.getColumnNr())));
		}
		return new FieldError(pointer, "unreadable", text("violation.unreadable"));
	}

	private static boolean limitBroken(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof StreamConstraintsException) {
				return true;
			}
		}
		return false;
	}

	private static JacksonException jacksonCause(Throwable e) {
		for (var cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof JacksonException jackson) {
				return jackson;
			}
		}
		return null;
	}

	private FieldError error(Violation violation) {
		return new FieldError(violation.pointer(), violation.code(),
				text("violation." + violation.code(), violation.args().toArray()));
	}

	private ProblemDetail problem(HttpStatus status, String type, String titleKey, String detailKey, Object... args) {
		var problem = ProblemDetail.forStatusAndDetail(status, text(detailKey, args));
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(text(titleKey));
		return problem;
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}

	private static String pointer(JacksonException e) {
		var pointer = new StringBuilder();
		for (var reference : e.getPath()) {
			pointer.append('/');
			pointer.append(reference.getPropertyName() != null ? reference.getPropertyName() : reference.getIndex());
		}
		return pointer.toString();
	}

}
