package org.cicloperformance.reportingservice.report;

import java.util.List;

/**
 * The monitoring report of a plan at a checkpoint, as the template shows it: every figure already formatted (Italian
 * numbers and dates), every label a message key. Built by {@link ReportBuilder} from the read model; nothing here is
 * computed by the template. {@code example} is set when the results come from the demo's year-end example (an
 * example, not from the document: the report says so).
 */
record MonitoringReport(String planId, String title, String entityName, String checkpoint,
		String checkpointLabel, String checkpointDate, boolean finalCheckpoint, int planVersion, String statusKey,
		Validation validation, String entityValue, String entityScore, String entityCoverage, String entityArithmetic,
		List<CheckpointColumn> checkpoints, List<TreeArea> tree, List<ManagerTable> managers,
		List<ObjectiveSection> objectives, List<RevisionNote> revisions, Rules rules, Signatures signatures,
		boolean verdicts, String fileName, boolean example) {

	/** The OIV's validation: {@code date} and {@code closing} are null while the checkpoint is not validated. */
	public record Validation(boolean validated, String date, Integer closing) {
	}

	/** A checkpoint of the plan: one target column of the indicator tables. */
	public record CheckpointColumn(String id, String label, String date) {
	}

	public record TreeArea(String code, String name, String value, String score, String coverage,
			List<TreeStrategic> strategicObjectives) {
	}

	public record TreeStrategic(String code, String name, String value, String score, String coverage,
			List<TreeObjective> objectives) {
	}

	public record TreeObjective(String code, String title, String manager, String weight, String score,
			String coverage) {
	}

	/** "Pesi degli obiettivi" of one manager, with the manager's score at the checkpoint. */
	public record ManagerTable(String id, String name, String role, String area, List<WeightRow> rows, String total,
			String score, String coverage, String arithmetic) {
	}

	public record WeightRow(String code, String title, String weight, String score) {
	}

	public record ObjectiveSection(String code, String title, String shortTitle, String strategicObjective,
			String area, String manager, String managerRole, String weight, List<Scope> scopes,
			List<String> description, List<String> expectedBenefit, List<IndicatorRow> indicators,
			List<Narrative> narratives, List<ProposalTable> proposals, List<WeightChange> weightChanges,
			List<BudgetRow> budget, String budgetTotal, List<EvidenceRow> evidence, String score, String coverage,
			String arithmetic, String coverageArithmetic) {
	}

	public record Scope(String name, String weight) {
	}

	/**
	 * One indicator's row. {@code targets} follows {@link MonitoringReport#checkpoints()}; {@code resultKey} is set
	 * (instead of {@code result}) when the indicator has no result at the checkpoint: not due, or not reported.
	 * {@code revisedWeight} is set when a later revision changes the weight, {@code added} when a later revision
	 * adds the indicator.
	 */
	public record IndicatorRow(String code, String name, List<String> typeKeys, String perspective, String kindKey,
			String baseline, List<String> targets, String weight, String revisedWeight, boolean added,
			String result, String resultWording, String resultKey, String deviation, String deviationWording,
			String achievement, String achievementKey, String arithmetic, String verdictKey, String verdictNote) {
	}

	/** "Breve descrizione dei risultati" of one indicator: the narrative the office reported with its result. */
	public record Narrative(String indicator, String name, List<String> paragraphs, String assessment,
			String justification, List<String> evidence) {
	}

	/**
	 * "Proposta del Dirigente in merito alla variazione dei valori attesi": the rows of one revision that change
	 * targets at one checkpoint ({@code changedAt}).
	 */
	public record ProposalTable(int version, String changedAt, List<ProposalRow> rows) {
	}

	public record ProposalRow(String indicator, String name, String forecastAtCheckpoint, String achieved,
			String previousForecast, String newForecast, boolean added, String reason) {
	}

	public record WeightChange(int version, String indicator, String name, String from, String to, String reason) {
	}

	public record BudgetRow(String amount, String account, String description, String budgetCode) {
	}

	public record EvidenceRow(String indicator, String description) {
	}

	/** A revision proposed after this checkpoint: its act and what it changes. */
	public record RevisionNote(int version, String act, String actDate, String reason, List<String> appliesTo,
			int changes) {
	}

	/** How the scores were computed (the plan's scoring policy), for the explanation section. */
	public record Rules(String cap, String floor, String numericRuleKey, String missingKey, List<Band> bands) {
	}

	/** A band of the policy: from (inclusive) and to (exclusive; null = no upper bound), and what it pays. */
	public record Band(String from, String to, String payoutKey) {
	}

	/** Absent names and dates are a line to write on ({@link ReportBuilder#BLANK}). */
	public record Signatures(String place, String date, String oiv, String secretaryGeneral, String president) {
	}
}
