package org.cicloperformance.monitoringservice.evidence;

import java.time.Instant;

/** A document of collection {@code evidence_files}: an uploaded file's bytes and where it belongs. */
public record StoredFile(String evidenceId, String planId, String entity, String objective, String indicator,
		String checkpoint, int resultVersion, String fileName, String contentType, long size, String sha256,
		String uploadedBy, Instant uploadedAt, String description, byte[] bytes) {

	StoredFile atVersion(int version) {
		return new StoredFile(evidenceId, planId, entity, objective, indicator, checkpoint, version, fileName,
				contentType, size, sha256, uploadedBy, uploadedAt, description, bytes);
	}

	/** The download's {@code Content-Disposition}: always an attachment, with the stored (sanitised) name. */
	public String contentDisposition() {
		return FileNames.attachment(fileName);
	}
}
