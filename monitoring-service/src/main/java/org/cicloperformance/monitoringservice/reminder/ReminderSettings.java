package org.cicloperformance.monitoringservice.reminder;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code monitoring.reminders.*}: whether reminders are sent (they also need an SMTP relay, {@code spring.mail.*};
 * without one nothing is sent), how often the calendars are looked at, the sender address, when a failed send is
 * tried again and how many times at most, and how many days the last step of a policy stays due (a step is
 * otherwise due from its day until the next step's).
 */
@ConfigurationProperties("monitoring.reminders")
record ReminderSettings(@DefaultValue("true") boolean enabled, @DefaultValue("PT1M") Duration interval,
		@DefaultValue("ciclo-performance@localhost") String from, @DefaultValue("PT5M") Duration retryAfter,
		@DefaultValue("5") int maxAttempts, @DefaultValue("7") int lastStepDays) {
}
