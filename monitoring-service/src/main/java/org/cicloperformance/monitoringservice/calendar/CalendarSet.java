package org.cicloperformance.monitoringservice.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The event on {@code checkpoint-events} (keyed by plan id) that tells other services the reporting calendar of a
 * checkpoint as it now stands: its dates and who answers for which indicator (offices' addresses are not sent, they
 * stay with the reminders). Reporting's completion board reads it; each revision replaces the previous one.
 * Contract: {@code contract/checkpoint-events.schema.json} ({@code CalendarSet}).
 */
record CalendarSet(String type, String eventId, String planId, String entity, String checkpoint,
		int revision, LocalDate opensOn, LocalDate closesOn, List<Responsible> assignments, Instant occurredAt,
		String causedBy) {

	static final String TYPE = "CalendarSet";

	/** An indicator whose office differs from its area's, or that has a named user. */
	record Responsible(String objective, String indicator, String office, String user) {
	}

	static CalendarSet of(ReportingCalendar calendar) {
		return new CalendarSet(TYPE, java.util.UUID.nameUUIDFromBytes((calendar.id() + "#" + calendar.revision())
				.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString(), calendar.planId(), calendar.entity(),
				calendar.checkpoint(), calendar.revision(), calendar.opensOn(), calendar.closesOn(),
				calendar.assignments().stream()
						.map(a -> new Responsible(a.objective(), a.indicator(), a.office(), a.user())).toList(),
				calendar.updatedAt(), calendar.updatedBy());
	}
}
