package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.hr.HrFeed;

/** What each dashboard page shows, already chosen and ordered; the templates only format and lay it out. */
final class Pages {

	private Pages() {
	}

	record Link(String href, String label) {
	}

	record PlanOption(String id, String title) {
	}

	record CheckpointOption(String id, String label, LocalDate date, boolean scored) {
	}

	/** The header of every plan page: plan and checkpoint selector, navigation to managers and areas. */
	record Header(String planId, String title, String entityName, List<PlanOption> plans,
			List<CheckpointOption> checkpoints, String checkpoint, String checkpointLabel, LocalDate checkpointDate,
			List<Link> managers, List<Link> areas, String path, boolean overview, boolean hrFeed) {
	}

	/**
	 * Which scores these are: plan and policy versions, status, when they were computed; {@code missingZero}
	 * indicators without a result that the final checkpoint's rule scores 0 (named on the page, {@code closed} or
	 * still open); {@code smvpId}/{@code smvpVersion} the SMVP version whose rules produced them (null: the plan's
	 * own policy).
	 */
	record Meta(int planVersion, int policyVersion, String status, boolean finalCheckpoint, Instant computedAt,
			long revision, long missingZero, boolean closed, String smvpId, Integer smvpVersion) {
	}

	/** One band of the policy as a legend entry: "Verde — in linea: da 90,00%". */
	record LegendEntry(TrafficLight light, String band, BigDecimal from, BigDecimal to) {
	}

	/** A node of the strategy tree: level 0 is the entity, 1 strategic areas, 2 strategic objectives, 3 objectives. */
	record TreeRow(int level, String kindKey, String code, String name, BigDecimal weight, BigDecimal score,
			BigDecimal coverage, TrafficLight light, String href, Link manager, String arithmetic) {
	}

	record ManagerRow(Link manager, Link area, BigDecimal score, BigDecimal coverage, TrafficLight light,
			String band, BigDecimal payout) {
	}

	/** A red or amber objective or indicator of the "Criticità" block ({@code kindKey} names which). */
	record Critical(String kindKey, String code, String name, String href, BigDecimal score, TrafficLight light) {
	}

	record Overview(Header header, Meta meta, TreeRow entity, List<TreeRow> rows, List<ManagerRow> managers,
			List<LegendEntry> legend, String treeChart, String managerChart, List<Critical> critical,
			List<CauseGroup> causes) {
	}

	/** The deviations the offices explained with one cause ({@code relazione.cause.*}), each indicator linked. */
	record CauseGroup(String causeKey, List<Link> indicators) {
	}

	/**
	 * An indicator at the checkpoint; on a closed one {@code oivVerdict} is the OIV's verdict, {@code achievement}
	 * the figure used and {@code selfReported} the office's own, shown beside it.
	 */
	record IndicatorRow(String code, String name, String href, String kindKey, BigDecimal weight, String target,
			String result, String deviation, BigDecimal achievement, String statusKey, String arithmetic,
			TrafficLight light, String oivVerdict, BigDecimal selfReported, String oivReason) {
	}

	record ObjectiveBlock(String code, String title, String shortTitle, String href, Link manager, Link area,
			Link strategicObjective, BigDecimal weight, BigDecimal score, BigDecimal coverage, TrafficLight light,
			String arithmetic, String coverageArithmetic, List<IndicatorRow> indicators) {
	}

	record TrendPoint(String checkpoint, String label, LocalDate date, int planVersion, BigDecimal score,
			BigDecimal coverage, TrafficLight light, boolean selected) {
	}

	/** A manager's or an organisational area's scorecard. */
	record Scorecard(Header header, Meta meta, boolean manager, String code, String name, String role, Link area,
			List<Link> managers, BigDecimal score, BigDecimal coverage, TrafficLight light, String arithmetic,
			String coverageArithmetic, List<ObjectiveBlock> objectives, List<TrendPoint> trend, List<HrFeed.Row> hr,
			List<LegendEntry> legend, String objectiveChart, String trendChart, List<Critical> critical) {
	}

	record ObjectivePage(Header header, Meta meta, ObjectiveBlock objective, List<TrendPoint> trend,
			List<LegendEntry> legend, String trendChart) {
	}

	/**
	 * One checkpoint of an indicator: target, result, deviation and the arithmetic of the achievement; whether the
	 * scores are {@code FINAL} and, then, the OIV's verdict with the self-reported achievement.
	 */
	record IndicatorCheckpoint(String checkpoint, String label, LocalDate date, int planVersion, String target,
			String targetText, String result, String deviation, BigDecimal achievement, String statusKey,
			String arithmetic, List<Part> parts, TrafficLight light, Integer resultVersion, boolean selected,
			String scoresStatus, String oivVerdict, BigDecimal selfReported, String oivReason) {
	}

	record Part(String code, BigDecimal weight, BigDecimal value, String arithmetic) {
	}

	record ResultVersionRow(String checkpointLabel, int version, Integer planVersion, String value,
			String reportedBy, Instant recordedAt, String reason, boolean inUse) {
	}

	record Commentary(String checkpointLabel, int resultVersion, String text, String justification,
			List<String> evidence) {
	}

	/** A plan change that touched the indicator: the target (or weight) before and after. */
	record RevisionRow(int version, int baseVersion, String act, LocalDate actDate, String changeKey,
			String checkpointLabel, String original, String revised, String reason) {
	}

	record IndicatorPage(Header header, String objective, String objectiveTitle, String objectiveHref,
			String code, String name, String kindKey, String directionKey, String unit, BigDecimal weight,
			List<IndicatorCheckpoint> checkpoints, List<ResultVersionRow> history, List<Commentary> commentaries,
			List<RevisionRow> revisions, List<LegendEntry> legend, String chart) {
	}

	/** The HR feed; {@code toMeasure}: the managers with nothing posted yet on an open checkpoint. */
	record HrPage(Header header, Meta meta, HrFeed feed, String csvHref, List<LegendEntry> legend,
			java.util.Set<String> toMeasure) {
	}

	/** A plan of the list, linked ({@code href}) to the reader's own page of it. */
	record PlanSummary(String id, String title, String entityName, Integer year, int versions,
			List<CheckpointOption> checkpoints, String href) {
	}
}
