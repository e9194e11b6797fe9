package org.cicloperformance.reportingservice.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * This service's tolerant reading of {@code ResultRecorded}. Scoring needs only the value; the deviation, the
 * commentary, the evidence and the category of the deviation's cause ({@code EXTERNAL}, {@code INTERNAL},
 * {@code INDICATOR_DESIGN}; null when none was given or in events older than it) are kept for the dashboard and the
 * reports. {@code interim}: true for a result at an interim period of monitoring's calendar ({@code checkpoint} is its
 * date): kept as a fact for the forecast, not scored ({@link InterimSettings}); null in events older than it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultEvent(String type, String eventId, String planId, Integer planVersion, String entity,
		String objective, String indicator, String checkpoint, Integer resultVersion, Value value, String reportedBy,
		String reason, Instant recordedAt, Deviation deviation, String commentary, List<String> evidence,
		String deviationCause, Boolean interim) {

	/** Whether the result is at an interim period of the calendar rather than at a checkpoint of the plan. */
	public boolean atInterimPeriod() {
		return Boolean.TRUE.equals(interim);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Value(BigDecimal number, Boolean yes, List<Delivered> delivered, BigDecimal assessment,
			String justification, Map<String, BigDecimal> components, String text) {
	}

	/** The producer's deviation from the target: numeric, per component, or the milestones missed. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Deviation(BigDecimal number, Map<String, BigDecimal> components, List<String> missedMilestones,
			String text) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Delivered(String milestone, LocalDate date) {
	}
}
