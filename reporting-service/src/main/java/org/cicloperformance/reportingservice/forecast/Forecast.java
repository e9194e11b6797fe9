package org.cicloperformance.reportingservice.forecast;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The expected year-end value of one indicator and how it was reached. {@code expected}, {@code band},
 * {@code onTrack} are null when the method is {@link ForecastMethod#NOT_FORECAST} ({@code reason} says why);
 * {@code band} is null when the data do not allow one ({@code bandText} says why). {@code asOf} is the date of the
 * last interim result used.
 */
public record Forecast(ForecastMethod method, BigDecimal expected, String expectedText, Band band, String bandText,
		BigDecimal target, String targetText, Boolean onTrack, String arithmetic, String reason, LocalDate asOf,
		Alert alert) {

	/** The lowest and highest projection of the interim points. */
	public record Band(BigDecimal low, BigDecimal high) {
	}

	public enum Severity {
		/** Far from the target: more than {@link Forecaster#HIGH_GAP} of it, or a milestone over 30 days late. */
		HIGH,
		MEDIUM
	}

	/** Raised on read, from the current facts: it clears as soon as a newer result brings the forecast on target. */
	public record Alert(Severity severity, String reason) {
	}

	static Forecast notForecast(ForecastWording w, String reason, BigDecimal target, String targetText,
			LocalDate asOf) {
		return new Forecast(ForecastMethod.NOT_FORECAST, null, null, null, null, target, targetText, null,
				w.text("notForecast", reason), reason, asOf, null);
	}
}
