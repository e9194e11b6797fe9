package org.cicloperformance.reportingservice.forecast;

import java.time.LocalDate;
import java.util.List;

/**
 * The forecasts of a plan's indicators due at its final checkpoint, with the plan version whose targets they are
 * measured against (the version in force at the final checkpoint).
 */
public record PlanForecast(String planId, int planVersion, String finalCheckpoint, LocalDate finalDate,
		List<IndicatorForecast> indicators) {

	/** One indicator's forecast, with the office's own commentary on its last interim result beside it. */
	public record IndicatorForecast(String objective, String indicator, String name, String manager, String kind,
			String direction, Forecast forecast, String officeCommentary) {
	}
}
