package org.cicloperformance.monitoringservice.security;

/** What a user may do, from the identity's claims (or the local users' configuration). */
public enum Role {
	/** Creates and edits draft plans, approves plans and revisions. */
	PLANNER,
	/** Records results for indicators of objectives in its organisational areas. */
	AREA_OFFICE,
	/** Reads their own scorecard and areas; proposes target revisions. */
	MANAGER,
	/** The independent evaluation body: reads everything, records validations. */
	OIV,
	/** Reads the HR feed, nothing else. */
	HR,
	/** Reads dashboards. */
	VIEWER,
	/** Fills in, proposes, reviews and makes FINAL the managers' schede di valutazione (issue 16). */
	EVALUATOR
}
