package org.cicloperformance.reportingservice.security;

/** What a user may read here, from the identity's claims (or the local users' configuration). */
public enum Role {
	/** Reads everything of its entity, the HR feed and the audit trail; rebuilds the read model. */
	PLANNER,
	/** Reads its organisational areas, their objectives and indicators. */
	AREA_OFFICE,
	/** Reads their own scorecard, the organisational areas of their objectives and those objectives. */
	MANAGER,
	/** The independent evaluation body: reads everything, the HR feed and the audit trail. */
	OIV,
	/** Reads the HR feed, nothing else. */
	HR,
	/** Reads the dashboards and the scores, not the HR feed. */
	VIEWER,
	/** Fills in, proposes, reviews and makes FINAL the managers' schede di valutazione (issue 16). */
	EVALUATOR
}
