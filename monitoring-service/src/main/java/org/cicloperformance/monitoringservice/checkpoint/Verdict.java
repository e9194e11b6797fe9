package org.cicloperformance.monitoringservice.checkpoint;

/** The OIV's judgement of one indicator's result. */
enum Verdict {
	VALIDATED,
	/** Validated with the OIV's own achievement (0–1), kept beside the self-reported result. */
	ADJUSTED,
	/** Back to the area office, which corrects it as a new result version. */
	REJECTED;

	public boolean accepts() {
		return this != REJECTED;
	}
}
