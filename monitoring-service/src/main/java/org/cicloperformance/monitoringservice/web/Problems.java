package org.cicloperformance.monitoringservice.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

/**
 * The one shape of every refusal: {@code application/problem+json} with type, title, status, detail and an
 * {@code errors} array of {pointer, code, message} plus where the error is in a file (CSV line and column, XLSX
 * sheet, row and column), in the language of Accept-Language (Italian default).
 */
@Component
public class Problems {

	static final String TYPE_BASE = "https://cicloperformance.org/problems/";

	/** One error: the violation, and where it is in an uploaded file (entries added after its message; may be empty). */
	public record Refusal(Violation violation, Map<String, Object> location) {

		public Refusal {
			location = location == null ? Map.of() : location;
		}
	}

	/** Texts for one kind of request: the title used when its type has none, and where to look for messages first. */
	public record Texts(String titleKey, String messagePrefix) {

		static final Texts DEFAULT = new Texts(null, null);
	}

	private final MessageSource messages;

	Problems(MessageSource messages) {
		this.messages = messages;
	}

	public ResponseEntity<ProblemDetail> of(int status, String type, List<Refusal> refusals, Texts texts) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setType(URI.create(TYPE_BASE + type));
		String fallback = messages.getMessage("problem.title." + status, null,
				HttpStatus.valueOf(status).getReasonPhrase(), locale);
		if (texts.titleKey() != null) {
			fallback = messages.getMessage(texts.titleKey(), null, fallback, locale);
		}
		problem.setTitle(messages.getMessage("problem.title." + type, null, fallback, locale));
		List<Map<String, Object>> errors = new ArrayList<>();
		for (Refusal r : refusals) {
			Violation v = r.violation();
			Map<String, Object> error = new LinkedHashMap<>();
			error.put("pointer", v.pointer());
			error.put("code", v.code());
			error.put("message", message(v, texts, locale));
			error.putAll(r.location());
			errors.add(error);
		}
		problem.setDetail(refusals.size() == 1 ? (String) errors.get(0).get("message")
				: messages.getMessage("problem.detail.many", new Object[] { refusals.size() },
						refusals.size() + " errors", locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}

	private String message(Violation v, Texts texts, Locale locale) {
		Object[] args = v.args().toArray();
		String specific = texts.messagePrefix() == null ? null
				: messages.getMessage(texts.messagePrefix() + v.code(), args, null, locale);
		return specific != null ? specific : messages.getMessage("error." + v.code(), args, v.code(), locale);
	}
}
