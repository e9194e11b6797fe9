package org.cicloperformance.reportingservice.score;

import java.util.Optional;

/**
 * The scores a reader gets for a checkpoint, live or final: owned here, by its caller (the score API), and
 * implemented by the checkpoint feature, which knows the closings, so that score does not depend on checkpoint
 * (checkpoint depends on score).
 */
public interface ScoresInForce {

	/** The scores and, when they are final, the closing they belong to (null for live scores). */
	record InForce(ScoreDocument document, Integer closing) {
	}

	Optional<InForce> inForce(String planId, String checkpoint);

	/** Every checkpoint scored, in date order; the closed ones with their final scores. */
	java.util.List<ScoreDocument> findAll(String planId);
}
