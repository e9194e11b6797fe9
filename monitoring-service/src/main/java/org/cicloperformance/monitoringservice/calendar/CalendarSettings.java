package org.cicloperformance.monitoringservice.calendar;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.calendar.*}: the time zone in which the calendar's dates begin and end (a closing date lasts
 * until midnight there), and whether the reporting clock may be moved through {@code PUT /api/demo-clock} (the
 * local stack only: a newcomer sees the board and the reminders "a week before the deadline").
 */
@ConfigurationProperties("monitoring.calendar")
record CalendarSettings(@DefaultValue("Europe/Rome") ZoneId zone, @DefaultValue("false") boolean demoClock) {
}
