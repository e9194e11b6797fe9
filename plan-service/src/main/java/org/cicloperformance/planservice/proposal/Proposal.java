package org.cicloperformance.planservice.proposal;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A manager's proposal to change expected values ("Proposta del Dirigente in merito alla variazione dei valori
 * attesi"), made at a monitoring checkpoint. A PLANNER approves it — then it becomes a plan revision — or rejects
 * it; either way it stays on record.
 */
@Document("proposals")
public record Proposal(@Id String id, String planId, String entity, String checkpoint, String manager,
		int baseVersion, String reason, List<ProposedChange> changes, Status status, String proposedBy,
		Instant proposedAt, String decidedBy, Instant decidedAt, String decisionReason, Integer resultingVersion) {

	public enum Status {
		PENDING, APPROVED, REJECTED
	}

	public Proposal {
		changes = changes == null ? List.of() : List.copyOf(changes);
	}
}
