package org.cicloperformance.monitoringservice.evidence;

import java.time.Instant;

/**
 * Published on {@code result-events} when a file is attached to a result (not when the same bytes are sent again).
 * Contract: result-events.schema.json, golden sample evidence-attached.sample.json.
 */
record EvidenceAttached(String type, String eventId, String planId, String entity, String objective,
		String indicator, String checkpoint, int resultVersion, String evidenceId, String fileName, String contentType,
		long size, String sha256, String description, String uploadedBy, Instant uploadedAt) {

	public static final String TYPE = "EvidenceAttached";
}
