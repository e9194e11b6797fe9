package org.cicloperformance.monitoringservice.result;

import java.time.Instant;
import java.util.List;

/**
 * A stored result version as the API returns it. {@code evidence} are the references given with the version;
 * {@code evidenceFiles} the uploaded files attached while this version or an earlier one was current (so the latest
 * version shows them all, and an old version what it had). {@code interim}: at an interim period of the calendar
 * (monitored, not scored).
 */
public record RecordedResult(String planId, String objective, String indicator, String checkpoint, int version,
		int planVersion, ResultValue value, Deviation deviation, String commentary, List<String> evidence,
		List<AttachedEvidence> evidenceFiles, String reportedBy, String reason, Instant recordedAt, String eventId,
		String deviationCause, boolean interim) {

	static RecordedResult of(ResultDocument document, ResultVersion v) {
		return new RecordedResult(document.planId(), document.objective(), document.indicator(),
				document.checkpoint(), v.version(), v.planVersion(), v.value(), v.deviation(), v.commentary(),
				v.evidence(), document.evidenceFiles().stream().filter(e -> e.resultVersion() <= v.version()).toList(),
				v.reportedBy(), v.reason(), v.recordedAt(), v.eventId(), v.deviationCause(), v.atInterimPeriod());
	}
}
