package org.cicloperformance.monitoringservice.result;

import java.time.Instant;

/**
 * An uploaded file attached to a result, as the result document keeps it (the bytes live in collection
 * {@code evidence_files} under {@code evidenceId}). {@code resultVersion} is the version that was current when the
 * file was attached; {@code fileName} is already sanitised.
 */
public record AttachedEvidence(String evidenceId, int resultVersion, String fileName, String contentType, long size,
		String sha256, String description, String uploadedBy, Instant uploadedAt) {
}
