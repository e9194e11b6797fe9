package org.cicloperformance.reportingservice.forecast;

import java.time.LocalDate;
import org.cicloperformance.reportingservice.engine.IndicatorResult;

/**
 * The latest result of an indicator at one checkpoint before the final one, or at an interim period of the calendar
 * ({@code checkpoint} is then the period's date).
 */
record InterimPoint(String checkpoint, LocalDate date, IndicatorResult result) {
}
