package org.cicloperformance.monitoringservice.reminder;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * One reminder's record in {@code reminders_sent}: to whom, for which outstanding indicators ("objective/indicator"),
 * its state, the attempts, who claimed it and when, when it was sent, when a failed one is tried again.
 */
public record ReminderEntry(@JsonProperty("_id") String id, String entity, String planId, String checkpoint,
		String office, String step, String recipient, List<String> indicators, State state, int attempts,
		String claimedBy, Instant claimedAt, Instant sentAt, Instant nextAttemptAt, String error) {

	/**
	 * {@code CLAIMED}: being sent (or its sender died while sending: never sent again); {@code NO_ADDRESS}: the
	 * calendar has no address for the office (the planner's digest lists it); {@code GAVE_UP}: failed
	 * {@code monitoring.reminders.max-attempts} times.
	 */
	public enum State {
		CLAIMED, SENT, FAILED, NO_ADDRESS, GAVE_UP
	}

	public ReminderEntry {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}

	static String idOf(String planId, String checkpoint, String office, String step) {
		return planId + "|" + checkpoint + "|" + office + "|" + step;
	}
}
