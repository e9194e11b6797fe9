package org.cicloperformance.monitoringservice.calendar;

import java.time.LocalDate;
import java.util.List;

/**
 * The body of {@code PUT /api/calendars}: the data-entry window of one checkpoint of one plan, the offices'
 * addresses, who answers for which indicator when it is not its area's office, and the reminder policy.
 * <ul>
 * <li>{@code reminderDays}: days relative to the closing date on which the offices with indicators still missing
 * get a reminder (negative before, 0 on the day, positive after), e.g. [-7, -2, 3].</li>
 * <li>{@code note}: free text shown with the calendar (e.g. that the demo's dates are an example).</li>
 * <li>{@code language}: of the reminders, {@code it} (default) or {@code en}.</li>
 * <li>{@code interimPeriods}: optional dates before the checkpoint (after the previous one) at which listed
 * indicators are reported and followed, never scored ({@link InterimPeriod}).</li>
 * </ul>
 */
public record CalendarRequest(LocalDate opensOn, LocalDate closesOn, String note, String language,
		List<OfficeContact> offices, List<Assignment> assignments, List<Integer> reminderDays, String plannerEmail,
		List<InterimPeriod> interimPeriods) {

	/** A request without interim periods (the shape before them). */
	public CalendarRequest(LocalDate opensOn, LocalDate closesOn, String note, String language,
			List<OfficeContact> offices, List<Assignment> assignments, List<Integer> reminderDays,
			String plannerEmail) {
		this(opensOn, closesOn, note, language, offices, assignments, reminderDays, plannerEmail, null);
	}

	/** Where an office's reminders go; {@code office} is an organisational area code or an office id. */
	public record OfficeContact(String office, String name, String email) {
	}

	/**
	 * The office (default: the area of the indicator's objective) and, optionally, the named user answering for one
	 * indicator.
	 */
	public record Assignment(String objective, String indicator, String office, String user) {
	}
}
