package org.cicloperformance.reportingservice.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A plan's policy for its forecast alerts by e-mail, collection {@code alert_mail_policies} (one per plan), set by
 * the planner like the reminders' policy of a reporting calendar: on or off (off until set), the language, the
 * planner's address, each manager's address (by the plan's manager id) and whether a note is sent when an alert
 * clears. {@code revision} grows with every replacement.
 */
@Document("alert_mail_policies")
public record AlertMailPolicy(@Id String planId, String entity, boolean enabled, String language,
		String plannerEmail, List<ManagerContact> managers, boolean clearedNotes, int revision, Instant updatedAt,
		String updatedBy) {

	public AlertMailPolicy {
		managers = managers == null ? List.of() : List.copyOf(managers);
		language = language == null ? "it" : language;
	}

	/** Where the alerts of one manager's objectives go. */
	public record ManagerContact(String manager, String name, String email) {
	}

	Optional<ManagerContact> manager(String id) {
		return managers.stream().filter(m -> m.manager().equals(id)).findFirst();
	}
}
