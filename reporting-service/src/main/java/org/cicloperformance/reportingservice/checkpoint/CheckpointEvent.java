package org.cicloperformance.reportingservice.checkpoint;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * This service's tolerant reading of the events on {@code checkpoint-events} (producer: monitoring-service): one
 * record for every type, each type filling its own fields; unknown fields are ignored and unknown types are not
 * used. {@code status} is the checkpoint's status after the event.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CheckpointEvent(String type, String eventId, String planId, String entity, String checkpoint,
		String status, Instant occurredAt, String causedBy, String manager, String commentary, List<String> proposals,
		String objective, String indicator, Integer resultVersion, String verdict, BigDecimal adjustedAchievement,
		String reason, Integer closing, List<FinalVerdict> verdicts) {

	public static final String SUBMITTED = "CheckpointSubmitted";

	public static final String REVIEW_STARTED = "CheckpointReviewStarted";

	public static final String VERDICT_RECORDED = "VerdictRecorded";

	public static final String CLOSED = "CheckpointClosed";

	public static final String REOPENED = "CheckpointReopened";

	/** A due indicator's verdict as closing {@code n} froze it: the result version judged and the OIV's figure. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FinalVerdict(String objective, String indicator, Integer resultVersion, String verdict,
			BigDecimal adjustedAchievement, String reason, String by, Instant at) {
	}
}
