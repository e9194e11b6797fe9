package org.cicloperformance.reportingservice.evaluation.web;

import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused scheda or fund request as {@code application/problem+json}: the status from the kind of refusal, and
 * each field as a JSON pointer with its reason, in the reader's language ({@code evaluation.reason.*}). A reason
 * {@code key:argument} (e.g. {@code behaviour-not-rated:RIS}) names its argument.
 */
@RestControllerAdvice(basePackageClasses = EvaluationProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class EvaluationProblems {

	private final MessageSource messages;

	EvaluationProblems(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(SchedaRefused.class)
	ProblemDetail refused(SchedaRefused e) {
		HttpStatus status = switch (e.kind()) {
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		List<Map<String, String>> errors = e.violations().stream().map(v -> {
			String[] parts = v.reason().split(":", 2);
			String text = text("evaluation.reason." + parts[0], parts.length > 1 ? parts[1] : "");
			return Map.of("pointer", v.pointer(), "reason", parts[0], "detail", text);
		}).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				String.join(" ", errors.stream().map(m -> m.get("detail")).toList()));
		problem.setTitle(text("evaluation.problem." + e.kind().name()));
		problem.setProperty("code", e.violations().isEmpty() ? null : e.violations().get(0).reason());
		problem.setProperty("errors", errors);
		return problem;
	}

	private String text(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}
}
