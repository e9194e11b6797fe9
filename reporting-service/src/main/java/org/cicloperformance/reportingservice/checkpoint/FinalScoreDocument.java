package org.cicloperformance.reportingservice.checkpoint;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The final scores of closing {@code n} of a checkpoint, scored with the plan version in force, the result versions
 * the OIV judged and its verdicts. Written once, by an insert that also queues {@code HrFeedPublished} in
 * {@code outbox}; never changed afterwards except for the relay pulling the event once Kafka acknowledged it.
 * {@code voided}: the closing was reopened before it could be scored; such a document (no scorecard, no event)
 * only keeps a late scoring from publishing a feed that is no longer final.
 */
@Document("final_scores")
public record FinalScoreDocument(@Id String id, String planId, String entity, String checkpoint, int closing,
		LocalDate checkpointDate, boolean finalCheckpoint, String checkpointLabel, Instant closedAt, String closedBy,
		Instant computedAt, boolean voided, Scorecard scorecard, List<CheckpointEvent.FinalVerdict> verdicts,
		List<OutboxEntry> outbox) {

	public FinalScoreDocument {
		verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	public static String id(String planId, String checkpoint, int closing) {
		return planId + "#" + checkpoint + "#" + closing;
	}

	static FinalScoreDocument voided(String planId, String entity, String checkpoint, int closing, Instant now) {
		return new FinalScoreDocument(id(planId, checkpoint, closing), planId, entity, checkpoint, closing, null, false,
				checkpoint, null, null, now, true, null, List.of(), List.of());
	}

	FinalScoreDocument withOutbox(OutboxEntry event) {
		return new FinalScoreDocument(id, planId, entity, checkpoint, closing, checkpointDate, finalCheckpoint,
				checkpointLabel, closedAt, closedBy, computedAt, voided, scorecard, verdicts, List.of(event));
	}

	/** These scores as the read model's shape, status {@code FINAL}; the revision is the closing number. */
	public ScoreDocument asScoreDocument() {
		return new ScoreDocument(ScoreDocument.id(planId, checkpoint), planId, checkpoint, checkpointDate,
				finalCheckpoint, checkpointLabel, ScoreDocument.Status.FINAL, closing, computedAt, scorecard);
	}
}
