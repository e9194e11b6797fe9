package org.cicloperformance.reportingservice.plan;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * This service's tolerant reading of {@code PlanPublished} / {@code PlanRevised}: what scoring and the dashboard
 * need, unknown fields ignored. The nested records mirror the producer's PlanContent; {@code revision} (null for
 * version 1) is kept to show which changes touched an indicator. The monitoring report also reads the texts,
 * budget lines, evidence requirements and signatories (the last components of the records).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PlanEvent(String type, String eventId, String planId, String entity, Integer year, Integer version,
		List<String> appliesTo, Instant occurredAt, Content plan, Revision revision) {

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Revision(Integer baseVersion, String reason, Act act, List<String> appliesTo, List<Change> changes) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Act(String type, String number, LocalDate date) {
	}

	/** A plan change: {@code TARGET_CHANGED}, {@code INDICATOR_WEIGHT_CHANGED}, {@code INDICATOR_ADDED}, … */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Change(String type, String objective, String indicator, Target target, BigDecimal weight,
			Indicator indicatorDefinition, String reason) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Content(String entity, String entityName, Integer year, String title, List<Checkpoint> checkpoints,
			List<OrganisationalArea> organisationalAreas, List<Manager> managers, List<StrategicArea> strategicAreas,
			Policy scoringPolicy, BigDecimal entityValue, Signatories signatories) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Checkpoint(String id, LocalDate date, String label, @JsonProperty("final") boolean isFinal) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OrganisationalArea(String code, String name) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Manager(String id, String name, String role, String organisationalArea) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StrategicArea(String code, String name, BigDecimal value, List<StrategicObjective> strategicObjectives) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StrategicObjective(String code, String name, BigDecimal value,
			List<OperationalObjective> operationalObjectives) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record OperationalObjective(String code, String title, String shortTitle, String organisationalArea,
			String manager, BigDecimal weight, BigDecimal contributionWeight, Incentive incentive,
			List<Indicator> indicators, String description, String expectedBenefit,
			List<StrategicScope> strategicScopes, List<BudgetLine> budgetLines, List<EvidenceRequirement> evidence) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Incentive(BigDecimal coefficient, String purpose, List<IncentiveFund> funds) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record IncentiveFund(String name, String basis, BigDecimal unitAmount, BigDecimal amount) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Indicator(String code, String name, String measureKind, String direction, String unit,
			BigDecimal baseline, BigDecimal weight, List<Component> components, List<Milestone> milestones,
			List<Target> targets, List<String> types, String perspective, String baselineText) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Component(String code, String name, String direction, BigDecimal weight) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Milestone(String code, String name, LocalDate due) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Target(String checkpoint, BigDecimal number, Boolean yes, List<String> milestones,
			Map<String, BigDecimal> components, String text) {
	}

	/**
	 * The policy of the version; {@code smvpId}, {@code smvpVersion} and {@code smvpAct} name the SMVP version that set
	 * it and the act adopting it (the Relazione shows them). They and {@code rollUp} are absent from events published
	 * before plan-service kept SMVPs (read as EQUAL and no SMVP). {@code evaluation} is the individual evaluation
	 * policy of that SMVP version: absent when it sets none (the schede then use the configured file).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Policy(Integer version, BigDecimal cap, BigDecimal floor, String numericRule,
			String missingAtIntermediate, String missingAtFinal, BigDecimal lateMilestoneCredit,
			List<IncentiveBand> incentiveBands, String rollUp, String smvpId, Integer smvpVersion, Act smvpAct,
			Evaluation evaluation) {

		/** A policy without roll-up or SMVP (the defaults' placeholder of the report). */
		public Policy(Integer version, BigDecimal cap, BigDecimal floor, String numericRule,
				String missingAtIntermediate, String missingAtFinal, BigDecimal lateMilestoneCredit,
				List<IncentiveBand> incentiveBands) {
			this(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal, lateMilestoneCredit,
					incentiveBands, null, null, null, null, null);
		}
	}

	/**
	 * The evaluation policy an SMVP version sets, read tolerantly: role groups and levels are kept as the texts the
	 * event gives (evaluation/store turns them into its policy, leaving out role groups it does not know), fractions
	 * as exact decimals.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Evaluation(String note, Map<String, PartWeights> weights, Scale scale, List<Behaviour> behaviours,
			Integer reasonRequiredBelow, List<PayBand> payBands, Differentiation differentiation) {

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record PartWeights(BigDecimal ownObjectives, BigDecimal entityPerformance, BigDecimal behaviours) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Scale(Integer lowest, Integer highest) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Behaviour(String code, String name, BigDecimal weight, Map<String, String> descriptors) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record PayBand(String code, BigDecimal from, BigDecimal to, BigDecimal share) {
		}

		@JsonIgnoreProperties(ignoreUnknown = true)
		public record Differentiation(BigDecimal premium, BigDecimal quota) {
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record IncentiveBand(String code, BigDecimal from, BigDecimal to, String payout) {
	}

	// What the monitoring report shows beside the scores (report/): none of it scores.

	/** Who signs the monitoring report; optional, at the plan content's top level. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Signatories(String place, String oiv, String secretaryGeneral, String president) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record StrategicScope(String name, BigDecimal weight) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record BudgetLine(BigDecimal amount, String account, String description, String budgetCode) {
	}

	/** The documentation the OIV may ask for to validate an indicator. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record EvidenceRequirement(String indicator, String description) {
	}
}
