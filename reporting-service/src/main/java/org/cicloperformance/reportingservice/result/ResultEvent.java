package org.cicloperformance.reportingservice.result;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** This service's tolerant reading of {@code ResultRecorded}: the deviation and commentary are not needed. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ResultEvent(String type, String eventId, String planId, Integer planVersion, String entity,
		String objective, String indicator, String checkpoint, Integer resultVersion, Value value, String reportedBy,
		String reason, Instant recordedAt) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Value(BigDecimal number, Boolean yes, List<Delivered> delivered, BigDecimal assessment,
			String justification, Map<String, BigDecimal> components, String text) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Delivered(String milestone, LocalDate date) {
	}
}
