package org.cicloperformance.reportingservice.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A document of collection {@code completion_calendars}: the latest revision of a checkpoint's reporting calendar
 * received from monitoring-service, which owns it. A copy for reading, never edited here.
 */
@Document("completion_calendars")
record CompletionCalendar(@Id String id, String planId, String entity, String checkpoint, int revision,
		LocalDate opensOn, LocalDate closesOn, List<Responsible> assignments, Instant occurredAt) {

	public CompletionCalendar {
		assignments = assignments == null ? List.of() : List.copyOf(assignments);
	}

	/** An indicator answered for by another office than its area's, or by a named user. */
	public record Responsible(String objective, String indicator, String office, String user) {
	}

	static String idOf(String planId, String checkpoint) {
		return planId + "|" + checkpoint;
	}

	String officeOf(String objective, String indicator, String area) {
		return assignment(objective, indicator).map(Responsible::office).filter(o -> !o.isBlank()).orElse(area);
	}

	String userOf(String objective, String indicator) {
		return assignment(objective, indicator).map(Responsible::user).orElse(null);
	}

	private Optional<Responsible> assignment(String objective, String indicator) {
		return assignments.stream()
				.filter(a -> objective.equals(a.objective()) && indicator.equals(a.indicator())).findFirst();
	}
}
