package org.cicloperformance.reportingservice.score;

/** What consuming an event did; the tag {@code outcome} of {@code reporting.events.consumed}. */
public enum Outcome {
	/** Scores were (re)written. */
	SCORED,
	/** Already reflected in the scores (duplicate, older version, replay): nothing written. */
	UNCHANGED,
	/** Kept as a fact, scored when the plan version it needs arrives. */
	AWAITING_PLAN,
	/** Kept as a fact, but the plan in force has no such indicator or checkpoint. */
	NOT_IN_PLAN,
	/** A checkpoint event recorded in the checkpoint's state (no score written). */
	RECORDED,
	/** A closed checkpoint whose final scores wait for the result versions the OIV judged. */
	AWAITING_RESULTS,
	/** An event type this service does not use. */
	IGNORED;

	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
