package org.cicloperformance.reportingservice.completion;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * This service's tolerant reading of monitoring-service's {@code CalendarSet} on {@code checkpoint-events}: the
 * reporting calendar of a checkpoint as it stands after revision {@code revision} (issue 18).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CalendarSetEvent(String type, String eventId, String planId, String entity, String checkpoint,
		Integer revision, LocalDate opensOn, LocalDate closesOn, List<CompletionCalendar.Responsible> assignments,
		Instant occurredAt) {

	public static final String TYPE = "CalendarSet";

	/** The first field this service cannot work with, or null. */
	public String invalidField() {
		if (planId == null || planId.isBlank()) {
			return "planId";
		}
		if (checkpoint == null || checkpoint.isBlank()) {
			return "checkpoint";
		}
		if (revision == null || revision < 1) {
			return "revision";
		}
		if (opensOn == null || closesOn == null || closesOn.isBefore(opensOn)) {
			return "opensOn/closesOn";
		}
		return null;
	}
}
