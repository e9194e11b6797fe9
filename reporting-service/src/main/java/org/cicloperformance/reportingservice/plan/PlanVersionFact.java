package org.cicloperformance.reportingservice.plan;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A plan version as received (a fact): the content, and the revision that produced it (null for version 1), are
 * kept as the JSON of this service's reading of them, so that every number stays exact. Versions are immutable: a
 * second event for the same version changes nothing.
 */
@Document("plan_versions")
public record PlanVersionFact(@Id String id, String planId, int version, List<String> appliesTo, String type,
		String eventId, Instant occurredAt, Instant receivedAt, String content, String revision) {

	public static String id(String planId, int version) {
		return planId + "#" + version;
	}

	/** Version 1 applies to every checkpoint; a revision to the checkpoints it lists. */
	public boolean appliesTo(String checkpoint) {
		return version == 1 || (appliesTo != null && appliesTo.contains(checkpoint));
	}
}
