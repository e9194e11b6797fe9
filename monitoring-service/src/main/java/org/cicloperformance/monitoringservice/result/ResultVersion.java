package org.cicloperformance.monitoringservice.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import java.time.Instant;
import java.util.List;

/**
 * One version of a result, never changed once written: what was reported (value, commentary, evidence, the category
 * of the deviation's cause), by whom, when and why ({@code reason}, for corrections), the plan version and deviation
 * it was measured with.
 * {@code requestId} ties it to the idempotent request that wrote it, so a retried request finds it.
 * {@code interim}: true at an interim period of the calendar, null (not stored) otherwise.
 */
record ResultVersion(int version, int planVersion, ResultValue value, Deviation deviation, String commentary,
		List<String> evidence, String reportedBy, String reason, Instant recordedAt, String eventId,
		String requestId, String deviationCause, Boolean interim) {

	/** A version at a checkpoint (not an interim period). */
	ResultVersion(int version, int planVersion, ResultValue value, Deviation deviation, String commentary,
			List<String> evidence, String reportedBy, String reason, Instant recordedAt, String eventId,
			String requestId, String deviationCause) {
		this(version, planVersion, value, deviation, commentary, evidence, reportedBy, reason, recordedAt, eventId,
				requestId, deviationCause, null);
	}

	/** A version without a deviation cause (written before issue 15, or with none given). */
	ResultVersion(int version, int planVersion, ResultValue value, Deviation deviation, String commentary,
			List<String> evidence, String reportedBy, String reason, Instant recordedAt, String eventId,
			String requestId) {
		this(version, planVersion, value, deviation, commentary, evidence, reportedBy, reason, recordedAt, eventId,
				requestId, null, null);
	}

	@JsonCreator
	public ResultVersion {
		evidence = evidence == null ? List.of() : List.copyOf(evidence);
		interim = Boolean.TRUE.equals(interim) ? Boolean.TRUE : null;
	}

	boolean atInterimPeriod() {
		return Boolean.TRUE.equals(interim);
	}
}
