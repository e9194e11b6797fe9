package org.cicloperformance.reportingservice.score;

import java.time.Instant;
import java.time.LocalDate;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The read model: every score of a plan at a checkpoint in one document. {@code revision} guards concurrent
 * writers (compare-and-set); {@code computedAt} is bookkeeping, not part of the scores: a rebuild compares only
 * the {@code scorecard}.
 */
@Document("scores")
public record ScoreDocument(@Id String id, String planId, String checkpoint, LocalDate checkpointDate,
		boolean finalCheckpoint, String checkpointLabel, Status status, long revision, Instant computedAt,
		Scorecard scorecard) {

	public enum Status {
		/** Until the checkpoint is validated (the validation workflow comes later). */
		PROVISIONAL,
		FINAL
	}

	public static String id(String planId, String checkpoint) {
		return planId + "#" + checkpoint;
	}

	ScoreDocument next(Scorecard newScorecard, Instant now) {
		return new ScoreDocument(id, planId, checkpoint, checkpointDate, finalCheckpoint, checkpointLabel, status,
				revision + 1, now, newScorecard);
	}
}
