package org.cicloperformance.reportingservice.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The OIV's validation of a checkpoint, as the report needs it: when the checkpoint was closed, which closing it is
 * and the verdict on each indicator. The OIV workflow (package {@code checkpoint/}) provides it; until it is wired,
 * {@link ReportConfiguration} supplies one that knows of no closing, and the report says "Non ancora validata".
 */
interface ReportCheckpointStatus {

	/** The checkpoint's closing in force; empty while the checkpoint is open or under review. */
	Optional<Closing> closing(String planId, String checkpoint);

	/** A closing: its date (the OIV's signature date of the report) and number (1, 2, … after reopenings). */
	record Closing(LocalDate date, int number, List<Verdict> verdicts) {

		public Closing {
			verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
		}

		Optional<Verdict> verdict(String objective, String indicator) {
			return verdicts.stream()
					.filter(v -> objective.equals(v.objective()) && indicator.equals(v.indicator())).findFirst();
		}
	}

	/**
	 * The OIV's verdict on one indicator: {@code VALIDATED}, {@code ADJUSTED} (with the achievement the OIV set,
	 * 0–1) or {@code REJECTED}, and the reason (required for the last two).
	 */
	record Verdict(String objective, String indicator, String verdict, BigDecimal adjustedAchievement,
			String reason) {
	}
}
