package org.cicloperformance.monitoringservice.checkpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The events published on {@code checkpoint-events}, keyed by plan id. Each carries the checkpoint's status after
 * it. Contract: {@code contract/checkpoint-events.schema.json}.
 */
final class CheckpointEvents {

	private CheckpointEvents() {
	}

	public record CheckpointSubmitted(String type, String eventId, String planId, String entity, String checkpoint,
			CheckpointStatus status, Instant occurredAt, String causedBy, String manager, String commentary,
			List<String> proposals) {

		public static final String TYPE = "CheckpointSubmitted";
	}

	public record CheckpointReviewStarted(String type, String eventId, String planId, String entity,
			String checkpoint, CheckpointStatus status, Instant occurredAt, String causedBy) {

		public static final String TYPE = "CheckpointReviewStarted";
	}

	public record VerdictRecorded(String type, String eventId, String planId, String entity, String checkpoint,
			CheckpointStatus status, Instant occurredAt, String causedBy, String objective, String indicator,
			int resultVersion, Verdict verdict, BigDecimal adjustedAchievement, String reason) {

		public static final String TYPE = "VerdictRecorded";
	}

	public record CheckpointClosed(String type, String eventId, String planId, String entity, String checkpoint,
			CheckpointStatus status, Instant occurredAt, String causedBy, int closing, List<FinalVerdict> verdicts) {

		public static final String TYPE = "CheckpointClosed";
	}

	public record CheckpointReopened(String type, String eventId, String planId, String entity, String checkpoint,
			CheckpointStatus status, Instant occurredAt, String causedBy, int closing, String reason) {

		public static final String TYPE = "CheckpointReopened";
	}

	/** A due indicator's verdict as the closing froze it. */
	public record FinalVerdict(String objective, String indicator, int resultVersion, Verdict verdict,
			BigDecimal adjustedAchievement, String reason, String by, Instant at) {

		static FinalVerdict of(CheckpointDocument.VerdictEntry v) {
			return new FinalVerdict(v.objective(), v.indicator(), v.resultVersion(), v.verdict(),
					v.adjustedAchievement(), v.reason(), v.by(), v.at());
		}
	}
}
