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

	/**
	 * The first field this service cannot work with, or null: what every event needs, the closing of a closing or
	 * reopening, and the final verdicts of a closing (an {@code ADJUSTED} one with its figure, 0–1). Such an event
	 * goes to the dead-letter topic before it touches the state.
	 */
	public String invalidField() {
		if (type == null || type.isBlank()) {
			return "type";
		}
		if (eventId == null || eventId.isBlank()) {
			return "eventId";
		}
		if (planId == null || planId.isBlank()) {
			return "planId";
		}
		if (checkpoint == null || checkpoint.isBlank()) {
			return "checkpoint";
		}
		boolean closingEvent = CLOSED.equals(type) || REOPENED.equals(type);
		if (closingEvent && (closing == null || closing < 1)) {
			return "closing";
		}
		if (!CLOSED.equals(type)) {
			return null;
		}
		if (verdicts == null) {
			return "verdicts";
		}
		for (int i = 0; i < verdicts.size(); i++) {
			if (!usable(verdicts.get(i))) {
				return "verdicts/" + i;
			}
		}
		return null;
	}

	private static boolean usable(FinalVerdict v) {
		if (v == null || v.objective() == null || v.indicator() == null || v.resultVersion() == null
				|| v.resultVersion() < 1) {
			return false;
		}
		BigDecimal adjusted = v.adjustedAchievement();
		return !"ADJUSTED".equals(v.verdict())
				|| (adjusted != null && adjusted.signum() >= 0 && adjusted.compareTo(BigDecimal.ONE) <= 0);
	}

	/** A due indicator's verdict as closing {@code n} froze it: the result version judged and the OIV's figure. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record FinalVerdict(String objective, String indicator, Integer resultVersion, String verdict,
			BigDecimal adjustedAchievement, String reason, String by, Instant at) {
	}
}
