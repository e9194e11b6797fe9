package org.cicloperformance.reportingservice.report;

import java.util.List;

/**
 * The Relazione sulla performance of a plan's year, from the final scores of the final checkpoint once the OIV has
 * closed it: the plan and its revisions, per objective the indicators with targets, results, deviations and the
 * office's explanation of each deviation (cause and commentary), the scores with their arithmetic, the scoring
 * method, the premiums of the FINAL HR feed and the OIV's documento di validazione. Every figure formatted, every
 * label a message key, as in {@link MonitoringReport}, whose tree, weights, rules and signatures it reuses.
 * {@code example} is set when the year-end results come from the demo's example scenario, not from a document.
 */
record Relazione(String planId, String title, String entityName, String year, String checkpoint,
		String checkpointDate, boolean example, MonitoringReport report, List<VersionRow> versions, Method method,
		List<ObjectiveOutcome> objectives, List<CauseGroup> causes, Premiums premiums, ValidationDocument validation,
		String fileName) {

	/** A version of the plan: version 1 as published, each later one with the revision's act. */
	public record VersionRow(int version, String act, String actDate, String appliesTo, int changes, String reason,
			boolean inForce) {
	}

	/**
	 * The scoring method the scores were computed with: today the plan's scoring policy and its version.
	 * {@code smvpVersion} is the hook for the versioned SMVP document (issue 15): null until scores carry it.
	 */
	public record Method(String policyVersion, String smvpVersion) {
	}

	public record ObjectiveOutcome(String code, String title, String manager, String weight,
			List<IndicatorOutcome> indicators, String score, String coverage, String arithmetic) {
	}

	/**
	 * One indicator at the final checkpoint. {@code causeKey} is the message key of the deviation's cause (null when
	 * the office gave none), {@code explanation} the office's commentary.
	 */
	public record IndicatorOutcome(String code, String name, String target, String result, String resultWording,
			String resultKey, String deviation, String causeKey, List<String> explanation, String achievement,
			String achievementKey, String arithmetic, String verdictKey, String verdictNote) {
	}

	/** The deviations explained by one cause (or by none: {@code relazione.cause.NONE}). */
	public record CauseGroup(String causeKey, List<CauseItem> items) {
	}

	public record CauseItem(String objective, String indicator, String name, String deviation, String explanation) {
	}

	/** The summary of premiums, from the HR feed of the final checkpoint. */
	public record Premiums(String statusKey, boolean payable, Integer closing, List<PremiumRow> rows) {
	}

	public record PremiumRow(String manager, String area, String score, String coverage, String band, String payout,
			String arithmetic, List<IncentiveRow> incentives) {
	}

	public record IncentiveRow(String objective, String title, String score, String payout, List<String> funds) {
	}

	/** The OIV's documento di validazione: the closing, its date and the verdict on every due indicator. */
	public record ValidationDocument(String date, int closing, long validated, long adjusted, long rejected,
			List<VerdictRow> verdicts) {
	}

	public record VerdictRow(String objective, String indicator, String name, String verdictKey, String note) {
	}
}
