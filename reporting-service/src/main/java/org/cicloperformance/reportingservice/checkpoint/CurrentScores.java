package org.cicloperformance.reportingservice.checkpoint;

import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.score.ScoresInForce;
import org.springframework.stereotype.Component;

/**
 * The scores a reader gets for a checkpoint: the final scores of the closing in force when the checkpoint is closed
 * and they are written (status {@code FINAL}), otherwise the live scores (status {@code PROVISIONAL}). The same
 * reads as {@link ScoreStore}, so the API, the dashboard and the HR feed all answer alike.
 */
@Component
public class CurrentScores implements ScoresInForce {

	private final ScoreStore scores;

	private final CheckpointStates states;

	private final FinalScores finals;

	CurrentScores(ScoreStore scores, CheckpointStates states, FinalScores finals) {
		this.scores = scores;
		this.states = states;
		this.finals = finals;
	}

	/** The scores and, when they are final, the closing they belong to (null for live scores). */
	public record Current(ScoreDocument document, Integer closing) {
	}

	public Optional<Current> resolve(String planId, String checkpoint) {
		Optional<Current> closed = closed(planId, checkpoint);
		return closed.isPresent() ? closed : scores.find(planId, checkpoint).map(d -> new Current(d, null));
	}

	@Override
	public Optional<InForce> inForce(String planId, String checkpoint) {
		return resolve(planId, checkpoint).map(c -> new InForce(c.document(), c.closing()));
	}

	public Optional<ScoreDocument> find(String planId, String checkpoint) {
		return resolve(planId, checkpoint).map(Current::document);
	}

	/** Every checkpoint scored, in date order; the closed ones with their final scores. */
	@Override
	public List<ScoreDocument> findAll(String planId) {
		return scores.findAll(planId).stream()
				.map(live -> closed(planId, live.checkpoint()).map(Current::document).orElse(live)).toList();
	}

	private Optional<Current> closed(String planId, String checkpoint) {
		return states.find(planId, checkpoint).flatMap(CheckpointState::currentClosing)
				.flatMap(c -> finals.find(planId, checkpoint, c.closing())).filter(f -> !f.voided())
				.map(f -> new Current(f.asScoreDocument(), f.closing()));
	}
}
