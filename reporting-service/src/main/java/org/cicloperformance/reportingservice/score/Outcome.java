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
	NOT_IN_PLAN;

	public String tag() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
