package org.cicloperformance.planservice.audit;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One write, or one refused call: who, when, what and from where. Entries are only ever inserted, and they stay
 * when the data they describe is superseded.
 */
@Document("audit")
record AuditEntry(@Id String id, Instant at, String actor, String entity, String method, String path,
		int status, String outcome, String remoteAddress) {

	public static final String ALLOWED = "ALLOWED";

	public static final String REFUSED = "REFUSED";

	public static final String FAILED = "FAILED";

	static String outcomeOf(int status) {
		if (status == 401 || status == 403 || status == 429) {
			return REFUSED;
		}
		return status < 400 ? ALLOWED : FAILED;
	}
}
