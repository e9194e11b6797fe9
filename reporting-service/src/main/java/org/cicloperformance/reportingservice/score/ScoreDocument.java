package org.cicloperformance.reportingservice.score;

import java.time.Instant;
import java.time.LocalDate;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.springframework.data.annotation.Id;

/**
 * The read model as readers get it: every score of a plan at a checkpoint. It is stored in small documents
 * ({@link ScoreStore}) and assembled on read; {@code revision} is the summary's, which guards concurrent writers
 * (compare-and-set); {@code computedAt} is bookkeeping, not part of the scores: a rebuild compares only the
 * {@code scorecard}.
 */
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
