package org.cicloperformance.reportingservice.forecast;

/** How a year-end value is expected: stated on every forecast, so that none is a black box. */
public enum ForecastMethod {
	/** Cumulative kinds (COUNT, AMOUNT): the value at an interim date scaled by the share of the year elapsed. */
	LINEAR_TO_DATE,
	/** Levels (PERCENTAGE) and a yes/no already reached: the last interim value stays. */
	LAST_VALUE,
	/** MILESTONE: the deliveries so far against the planned dates. */
	MILESTONE_PLAN,
	/** The kind or the data do not allow a forecast; the reason says why. */
	NOT_FORECAST
}
