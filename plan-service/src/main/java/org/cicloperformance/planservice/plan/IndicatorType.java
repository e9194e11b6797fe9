package org.cicloperformance.planservice.plan;

/** "Tipo indicatore": the ticked boxes of the plan's indicator sheet. */
enum IndicatorType {
	EXTERNAL_EFFECTIVENESS, INTERNAL_EFFECTIVENESS, EFFICIENCY, QUALITY
}
