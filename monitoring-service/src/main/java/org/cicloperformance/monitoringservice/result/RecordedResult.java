package org.cicloperformance.monitoringservice.result;

import java.time.Instant;
import java.util.List;

/** A stored result version as the API returns it. */
public record RecordedResult(String planId, String objective, String indicator, String checkpoint, int version,
		int planVersion, ResultValue value, Deviation deviation, String commentary, List<String> evidence,
		String reportedBy, String reason, Instant recordedAt, String eventId) {

	static RecordedResult of(ResultDocument document, ResultVersion v) {
		return new RecordedResult(document.planId(), document.objective(), document.indicator(),
				document.checkpoint(), v.version(), v.planVersion(), v.value(), v.deviation(), v.commentary(),
				v.evidence(), v.reportedBy(), v.reason(), v.recordedAt(), v.eventId());
	}
}
