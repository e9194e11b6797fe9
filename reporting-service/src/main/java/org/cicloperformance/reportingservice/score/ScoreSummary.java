package org.cicloperformance.reportingservice.score;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.springframework.data.annotation.Id;

/**
 * The small document of a plan at a checkpoint (collection {@code scores}, id {@code plan#checkpoint}): the nodes
 * above the operational objectives and the ids of the {@link ScorePart}s in force, in plan order. It is written
 * last in a batch's bulk write, with a compare-and-set on {@code revision}, so a reader that starts from it never
 * sees a part of a batch without the rest. {@code smvpId} / {@code smvpVersion}: the SMVP version whose policy
 * produced the scores (absent for a plan with its own policy, and in summaries written before they were kept).
 */
record ScoreSummary(@Id String id, String kind, String planId, String checkpoint, LocalDate checkpointDate,
		boolean finalCheckpoint, String checkpointLabel, ScoreDocument.Status status, long revision,
		Instant computedAt, String scoredCheckpoint, int planVersion, int policyVersion, List<String> parts,
		List<NodeScore> strategicObjectives, List<NodeScore> strategicAreas, NodeScore entity,
		List<NodeScore> managers, List<NodeScore> organisationalAreas, String smvpId, Integer smvpVersion) {

	static final String KIND = "summary";

	ScoreSummary {
		parts = parts == null ? List.of() : List.copyOf(parts);
		strategicObjectives = strategicObjectives == null ? List.of() : strategicObjectives;
		strategicAreas = strategicAreas == null ? List.of() : strategicAreas;
		managers = managers == null ? List.of() : managers;
		organisationalAreas = organisationalAreas == null ? List.of() : organisationalAreas;
	}
}
