package org.cicloperformance.monitoringservice.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.monitoringservice.outbox.OutboxFullException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A write refused because the events of earlier writes still wait for the broker: 503, retry later, in Italian. */
class OutboxFullProblemTest {

	private final ProblemHandler handler = new ProblemHandler(new Problems(messages()));

	@AfterEach
	void resetLocale() {
		LocaleContextHolder.resetLocaleContext();
	}

	@Test
	void answersServiceUnavailableWithRetryAfterAndSaysNothingWasStored() {
		LocaleContextHolder.setLocale(Locale.ITALIAN);

		ResponseEntity<ProblemDetail> response = handler.outboxFull(new OutboxFullException(50_000, 50_000));

		assertThat(response.getStatusCode().value()).isEqualTo(503);
		assertThat(response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		ProblemDetail problem = response.getBody();
		assertThat(problem.getType().toString()).endsWith("/events-backlog-full");
		assertThat(problem.getTitle()).isEqualTo("Registrazione momentaneamente sospesa");
		assertThat(problem.getDetail()).contains("nulla di questa richiesta è stato registrato");
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> errors = (List<Map<String, Object>>) problem.getProperties().get("errors");
		assertThat(errors).extracting(e -> e.get("code")).containsExactly("events-backlog-full");
	}

	@Test
	void saysItInEnglishWhenAsked() {
		LocaleContextHolder.setLocale(Locale.ENGLISH);

		ProblemDetail problem = handler.outboxFull(new OutboxFullException(10, 10)).getBody();

		assertThat(problem.getTitle()).isEqualTo("Recording temporarily suspended");
		assertThat(problem.getDetail()).contains("nothing of this request was stored");
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("messages");
		messages.setDefaultEncoding("UTF-8");
		messages.setFallbackToSystemLocale(false);
		return messages;
	}
}
