package org.cicloperformance.monitoringservice.result;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;

/**
 * A document of collection {@code results}: all versions of the result of one indicator at one checkpoint
 * (append-only), the uploaded files attached to it (metadata only, append-only) and their events for Kafka (kept once
 * relayed; stamped, with the document's {@code lastEventAt}: see {@code OutboxWrite}; a ResultRecorded without its JSON,
 * which its version rebuilds: see {@code ResultEvents}). {@code currentVersion} guards
 * every append.
 */
public record ResultDocument(@JsonProperty("_id") String id, String planId, String entity, String objective,
		String indicator, String checkpoint, int currentVersion, List<ResultVersion> versions,
		List<OutboxEntry> outbox, List<AttachedEvidence> evidenceFiles) {

	public ResultDocument {
		versions = versions == null ? List.of() : List.copyOf(versions);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
		evidenceFiles = evidenceFiles == null ? List.of() : List.copyOf(evidenceFiles);
	}

	public static String idOf(String planId, String objective, String indicator, String checkpoint) {
		return planId + "|" + objective + "|" + indicator + "|" + checkpoint;
	}

	/** The file with these bytes, if one is attached already. */
	public Optional<AttachedEvidence> evidenceWithHash(String sha256) {
		return evidenceFiles.stream().filter(e -> e.sha256().equals(sha256)).findFirst();
	}

	public ResultVersion current() {
		return versions.stream().filter(v -> v.version() == currentVersion).findFirst().orElseThrow();
	}
}
