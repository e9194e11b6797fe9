package org.cicloperformance.monitoringservice.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.outbox.OutboxFullException;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

/**
 * Every refusal as {@code application/problem+json}: type, title, status, detail and an {@code errors} array of
 * {pointer, code, message} (plus line and column for CSV), in the language of Accept-Language (Italian default).
 */
@RestControllerAdvice
class ProblemHandler {

	private final Problems problems;

	ProblemHandler(Problems problems) {
		this.problems = problems;
	}

	@ExceptionHandler(RefusedException.class)
	ResponseEntity<ProblemDetail> refused(RefusedException e) {
		return problem(e.status(), e.type(), e.violations());
	}

	/**
	 * 400 naming the field when the parser knows it; never the parser's own message, which names internal classes
	 * and may echo the input.
	 */
	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<ProblemDetail> unreadable(HttpMessageNotReadableException e) {
		String pointer = "";
		for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
				pointer = pointerOf(databind.getPath());
				break;
			}
		}
		return problem(400, "malformed", List.of(Violation.of(pointer, "malformed")));
	}

	@ExceptionHandler(MissingServletRequestPartException.class)
	ResponseEntity<ProblemDetail> missingPart(MissingServletRequestPartException e) {
		return problem(400, "malformed", List.of(Violation.of("/" + e.getRequestPartName(), "required")));
	}

	/** A multipart upload above spring.servlet.multipart.max-file-size (the size filter catches most first). */
	@ExceptionHandler(MaxUploadSizeExceededException.class)
	ResponseEntity<ProblemDetail> tooLarge(MaxUploadSizeExceededException e) {
		return problem(413, "too-large", List.of(Violation.of("", "too-large", e.getMaxUploadSize())));
	}

	@ExceptionHandler(ConcurrentUpdateException.class)
	ResponseEntity<ProblemDetail> concurrent(ConcurrentUpdateException e) {
		return problem(409, "concurrent-update", List.of(Violation.of("", "concurrent-update")));
	}

	/** The events of earlier writes wait for the broker: nothing of this request was stored, it may be sent again. */
	@ExceptionHandler(OutboxFullException.class)
	ResponseEntity<ProblemDetail> outboxFull(OutboxFullException e) {
		ResponseEntity<ProblemDetail> problem = problem(503, "events-backlog-full",
				List.of(Violation.of("", "events-backlog-full")));
		return ResponseEntity.status(503).header(HttpHeaders.RETRY_AFTER, "60")
				.contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem.getBody());
	}

	ResponseEntity<ProblemDetail> problem(int status, String type, List<Violation> violations) {
		return problems.of(status, type, violations.stream().map(ProblemHandler::refusal).toList(),
				Problems.Texts.DEFAULT);
	}

	/** A violation, with its CSV line and column when it has them. */
	private static Problems.Refusal refusal(Violation v) {
		Map<String, Object> location = new LinkedHashMap<>();
		if (v.line() != null) {
			location.put("line", v.line());
			location.put("column", v.column());
		}
		return new Problems.Refusal(v, location);
	}

	private static String pointerOf(List<JacksonException.Reference> path) {
		StringBuilder pointer = new StringBuilder();
		for (JacksonException.Reference reference : path) {
			pointer.append('/');
			pointer.append(reference.getPropertyName() != null ? Violation.escape(reference.getPropertyName())
					: String.valueOf(reference.getIndex()));
		}
		return pointer.toString();
	}
}
