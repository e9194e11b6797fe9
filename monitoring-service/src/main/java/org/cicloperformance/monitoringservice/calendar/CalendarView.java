package org.cicloperformance.monitoringservice.calendar;

import java.util.List;

/**
 * A calendar as the API shows it: what was set, and for each indicator of the plan version in force at the
 * checkpoint, who answers for it ({@code source}: {@code assignment} or {@code area}) and whether it is due (has a
 * target at the checkpoint).
 */
public record CalendarView(ReportingCalendar calendar, int planVersion, List<Responsibility> responsibilities) {

	public record Responsibility(String objective, String indicator, String name, String area, String manager,
			String office, String user, String source, boolean due) {
	}
}
