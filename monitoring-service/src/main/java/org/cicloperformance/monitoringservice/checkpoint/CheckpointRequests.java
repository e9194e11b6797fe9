package org.cicloperformance.monitoringservice.checkpoint;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the checkpoint API. */
public final class CheckpointRequests {

	private CheckpointRequests() {
	}

	/**
	 * A manager's submission. {@code manager} may be omitted: it is the caller's manager id, and naming another one
	 * is refused.
	 */
	public record SubmissionRequest(String manager, String commentary, List<String> proposals) {
	}

	/**
	 * The OIV's verdict on an indicator's latest result version; {@code resultVersion}, when given, must be that
	 * version (the OIV judged what it saw).
	 */
	public record VerdictRequest(String objective, String indicator, Verdict verdict, BigDecimal adjustedAchievement,
			String reason, Integer resultVersion) {
	}

	public record ReopeningRequest(String reason) {
	}
}
