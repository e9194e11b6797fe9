package org.cicloperformance.reportingservice.alert;

import java.time.Instant;
import java.util.List;
import org.bson.Document;

/**
 * One alert e-mail in {@code alert_mails_sent} ({@code _id} = the alert's state id, its raise and the note: one
 * message per raise of an alert, and per clearing when the policy asks for those notes): to whom, its state, the
 * attempts, who claimed it and when, when it was sent, when a failed one is tried again.
 */
public record AlertMailEntry(String id, String entity, String planId, String checkpoint, String objective,
		String indicator, String kind, int raise, String note, String severity, List<String> recipients,
		String subject, State state, int attempts, String claimedBy, Instant claimedAt, Instant sentAt,
		Instant nextAttemptAt, String error) {

	/**
	 * {@code CLAIMED}: being sent (or its sender died while sending: never sent again); {@code NO_ADDRESS}: the
	 * policy has neither the manager's nor the planner's address; {@code GAVE_UP}: failed
	 * {@code reporting.alert-mail.max-attempts} times.
	 */
	public enum State {
		CLAIMED, SENT, FAILED, NO_ADDRESS, GAVE_UP
	}

	/** The raise of an alert, or its clearing. */
	enum Note {
		RAISED, CLEARED
	}

	public AlertMailEntry {
		recipients = recipients == null ? List.of() : List.copyOf(recipients);
	}

	static String idOf(String stateId, int raise, Note note) {
		return stateId + "|" + raise + "|" + note.name();
	}

	Document toDocument() {
		return new Document("_id", id).append("entity", entity).append("planId", planId)
				.append("checkpoint", checkpoint).append("objective", objective).append("indicator", indicator)
				.append("kind", kind).append("raise", raise).append("note", note).append("severity", severity)
				.append("recipients", recipients).append("subject", subject).append("state", state.name())
				.append("attempts", attempts).append("claimedBy", claimedBy).append("claimedAt", date(claimedAt))
				.append("sentAt", date(sentAt)).append("nextAttemptAt", date(nextAttemptAt)).append("error", error);
	}

	static AlertMailEntry of(Document d) {
		return new AlertMailEntry(d.getString("_id"), d.getString("entity"), d.getString("planId"),
				d.getString("checkpoint"), d.getString("objective"), d.getString("indicator"), d.getString("kind"),
				d.getInteger("raise", 0), d.getString("note"), d.getString("severity"),
				d.getList("recipients", String.class, List.of()), d.getString("subject"),
				State.valueOf(d.getString("state")), d.getInteger("attempts", 0), d.getString("claimedBy"),
				instant(d, "claimedAt"), instant(d, "sentAt"), instant(d, "nextAttemptAt"), d.getString("error"));
	}

	private static java.util.Date date(Instant instant) {
		return instant == null ? null : java.util.Date.from(instant);
	}

	private static Instant instant(Document d, String field) {
		java.util.Date date = d.getDate(field);
		return date == null ? null : date.toInstant();
	}
}
