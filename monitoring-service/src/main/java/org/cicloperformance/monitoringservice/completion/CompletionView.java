package org.cicloperformance.monitoringservice.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The completion board of one checkpoint: every indicator due (with a target at the checkpoint in the plan version
 * in force), posted, missing or late, as of {@code asOf} (the reporting clock), with the totals by office and by
 * manager. {@code phase}: {@code NO_CALENDAR}, {@code NOT_OPEN}, {@code OPEN} or {@code CLOSED} (after the closing
 * date). {@code interim}: the board of an interim period of the calendar ({@code checkpoint} is its date; due are
 * the indicators it lists; monitored, not scored).
 */
public record CompletionView(String planId, String checkpoint, int planVersion, Instant asOf, LocalDate today,
		LocalDate opensOn, LocalDate closesOn, String phase, Counts totals, List<IndicatorCompletion> indicators,
		List<Group> byOffice, List<Group> byManager, boolean interim) {

	public record Counts(int due, int posted, int missing, int late) {
	}

	/** {@code postedAt}: when the first version of its result was recorded. */
	public record IndicatorCompletion(String objective, String indicator, String name, String manager, String area,
			String office, String user, Completion status, Integer resultVersion, Instant postedAt) {
	}

	/** An office's or a manager's share: counts and the outstanding indicators ("objective/indicator"). */
	public record Group(String key, Counts counts, List<String> outstanding) {
	}
}
