package org.cicloperformance.monitoringservice.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
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

	static final String TYPE_BASE = "https://cicloperformance.org/problems/";

	private final MessageSource messages;

	ProblemHandler(MessageSource messages) {
		this.messages = messages;
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

	ResponseEntity<ProblemDetail> problem(int status, String type, List<Violation> violations) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + type));
		problem.setTitle(messages.getMessage("problem.title." + type, null,
				messages.getMessage("problem.title." + status, null, HttpStatus.valueOf(status).getReasonPhrase(),
						locale), locale));
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Violation v : violations) {
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("pointer", v.pointer());
			error.put("code", v.code());
			error.put("message", messages.getMessage("error." + v.code(), v.args().toArray(), v.code(), locale));
			if (v.line() != null) {
				error.put("line", v.line());
				error.put("column", v.column());
			}
			errors.add(error);
		}
		problem.setDetail(violations.size() == 1 ? (String) errors.get(0).get("message")
				: messages.getMessage("problem.detail.many", new Object[] { violations.size() },
						violations.size() + " errors", locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
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
