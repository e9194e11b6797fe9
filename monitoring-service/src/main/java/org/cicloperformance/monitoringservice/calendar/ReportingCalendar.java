package org.cicloperformance.monitoringservice.calendar;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.monitoringservice.calendar.CalendarRequest.Assignment;
import org.cicloperformance.monitoringservice.calendar.CalendarRequest.OfficeContact;

/**
 * A document of collection {@code calendars}, one per (plan, checkpoint): the accepted request, with who set it
 * and when, and a revision that every replacement increments. {@code interimPeriods}: the checkpoint's interim
 * periods, in date order (none in documents written before them).
 */
public record ReportingCalendar(@JsonProperty("_id") String id, String planId, String entity, String checkpoint,
		LocalDate opensOn, LocalDate closesOn, String note, String language, List<OfficeContact> offices,
		List<Assignment> assignments, List<Integer> reminderDays, String plannerEmail,
		List<InterimPeriod> interimPeriods, int revision,
		Instant updatedAt, String updatedBy) {

	public ReportingCalendar {
		offices = offices == null ? List.of() : List.copyOf(offices);
		assignments = assignments == null ? List.of() : List.copyOf(assignments);
		reminderDays = reminderDays == null ? List.of() : List.copyOf(reminderDays);
		language = language == null ? "it" : language;
		interimPeriods = interimPeriods == null ? List.of() : List.copyOf(interimPeriods);
	}

	public static String idOf(String planId, String checkpoint) {
		return planId + "|" + checkpoint;
	}

	/** The office answering for the indicator: its assignment's, else its objective's area. */
	public String officeOf(String objective, String indicator, String area) {
		return assignment(objective, indicator).map(Assignment::office).filter(o -> o != null && !o.isBlank())
				.orElse(area);
	}

	/** The named user answering for the indicator, if any. */
	public String userOf(String objective, String indicator) {
		return assignment(objective, indicator).map(Assignment::user).orElse(null);
	}

	/** The interim period of this calendar at {@code date}, if it sets one. */
	public Optional<InterimPeriod> interimPeriod(LocalDate date) {
		return interimPeriods.stream().filter(p -> p.date().equals(date)).findFirst();
	}

	public Optional<OfficeContact> contact(String office) {
		return offices.stream().filter(o -> o.office().equals(office)).findFirst();
	}

	private Optional<Assignment> assignment(String objective, String indicator) {
		return assignments.stream().filter(a -> a.objective().equals(objective) && a.indicator().equals(indicator))
				.findFirst();
	}
}
