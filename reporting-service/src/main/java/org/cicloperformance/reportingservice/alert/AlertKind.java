package org.cicloperformance.reportingservice.alert;

import org.cicloperformance.reportingservice.forecast.ForecastMethod;

/** What an alert says: a forecast missing its target, or milestones late against their dates. */
enum AlertKind {
	TARGET_MISSED, MILESTONE_LATE;

	static AlertKind of(ForecastMethod method) {
		return method == ForecastMethod.MILESTONE_PLAN ? MILESTONE_LATE : TARGET_MISSED;
	}
}
