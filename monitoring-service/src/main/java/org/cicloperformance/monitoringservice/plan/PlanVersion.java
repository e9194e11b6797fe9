package org.cicloperformance.monitoringservice.plan;

import java.time.Instant;
import java.util.List;

/** One approved plan version as received from plan-events: the read model this service checks results against. */
public record PlanVersion(String planId, int version, String entity, Integer year, List<String> appliesTo,
		String eventType, String eventId, Instant occurredAt, Instant receivedAt, PlanSnapshot content) {

	public PlanVersion {
		appliesTo = appliesTo == null ? List.of() : List.copyOf(appliesTo);
	}

	/** The entity (tenant) the plan belongs to: the event's, else the content's. */
	public String owner() {
		if (entity != null) {
			return entity;
		}
		return content == null ? null : content.entity();
	}

	/** Version 1 applies to every checkpoint of the plan; a revision only to the checkpoints it lists. */
	public boolean appliesTo(String checkpoint) {
		return version == 1 || appliesTo.contains(checkpoint);
	}
}
