package org.cicloperformance.monitoringservice.result;

import java.time.Instant;
import java.util.List;

/**
 * The event published on {@code result-events} for each accepted result version. Contract: result-events.schema.json.
 * {@code interim}: the result is at an interim period of the calendar ({@code checkpoint} is its date): monitored,
 * not scored.
 */
record ResultRecorded(String type, String eventId, String planId, int planVersion, String entity,
		String objective, String indicator, String checkpoint, int resultVersion, ResultValue value,
		Deviation deviation, String commentary, List<String> evidence, String reportedBy, String reason,
		Instant recordedAt, String deviationCause, boolean interim) {

	public static final String TYPE = "ResultRecorded";
}
