package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scoring policy in force for a plan version. Every field has a default, applied by {@link #withDefaults()}, so
 * a plan may state only what differs from the defaults. When the entity has adopted an SMVP for the plan's year
 * (package {@code smvp}) the policy is the one its version in force sets, and {@code smvpId} / {@code smvpVersion}
 * / {@code smvpAct} name that version and the act that adopted it ({@code version} is then the SMVP version too); a
 * plan without an SMVP keeps its own policy and they are null. {@code evaluation} is the individual evaluation
 * policy of that SMVP version (null when the version sets none, and always for a plan's own policy).
 */
public record ScoringPolicy(
		Integer version,
		BigDecimal cap,
		BigDecimal floor,
		NumericRule numericRule,
		MissingResultRule missingAtIntermediate,
		MissingResultRule missingAtFinal,
		BigDecimal lateMilestoneCredit,
		BigDecimal greenFrom,
		BigDecimal amberFrom,
		List<IncentiveBand> incentiveBands,
		RollUp rollUp,
		String smvpId,
		Integer smvpVersion,
		ApprovingAct smvpAct,
		EvaluationPolicy evaluation) {

	public enum NumericRule {
		RATIO, LINEAR_FROM_BASELINE
	}

	public enum MissingResultRule {
		EXCLUDE, ZERO
	}

	/** How the operational objectives of a strategic objective weigh in its score. */
	public enum RollUp {
		/** Their {@code contributionWeight} when the plan gives one to every objective, otherwise equal weights. */
		EQUAL,
		/** Their weight in their manager's set ({@code weight}). */
		BY_MANAGER_WEIGHT
	}

	public enum Payout {
		/** Nothing is paid. */
		NONE,
		/** The payout percentage equals the score. */
		SCORE,
		/** The full incentive is paid. */
		FULL
	}

	/** A band of the score in [from, to) (to absent = no upper bound) and what it pays. */
	public record IncentiveBand(String code, BigDecimal from, BigDecimal to, Payout payout) {
	}

	public static ScoringPolicy defaults() {
		return new ScoringPolicy(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null)
			.withDefaults();
	}

	public ScoringPolicy withDefaults() {
		return new ScoringPolicy(
				version == null ? 1 : version,
				cap == null ? BigDecimal.ONE : cap,
				floor == null ? BigDecimal.ZERO : floor,
				numericRule == null ? NumericRule.RATIO : numericRule,
				missingAtIntermediate == null ? MissingResultRule.EXCLUDE : missingAtIntermediate,
				missingAtFinal == null ? MissingResultRule.ZERO : missingAtFinal,
				lateMilestoneCredit == null ? BigDecimal.ZERO : lateMilestoneCredit,
				greenFrom == null ? new BigDecimal("0.90") : greenFrom,
				amberFrom == null ? new BigDecimal("0.50") : amberFrom,
				incentiveBands == null || incentiveBands.isEmpty() ? defaultBands() : List.copyOf(incentiveBands),
				rollUp == null ? RollUp.EQUAL : rollUp, smvpId, smvpVersion, smvpAct, evaluation);
	}

	/** This policy as version {@code number} of SMVP {@code id}, adopted by {@code act}, sets it. */
	public ScoringPolicy fromSmvp(String id, int number, ApprovingAct act) {
		return new ScoringPolicy(number, cap, floor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, greenFrom, amberFrom, incentiveBands, rollUp, id, number, act, evaluation)
			.withDefaults();
	}

	/** This policy with the individual evaluation policy its SMVP version sets (null: none). */
	public ScoringPolicy withEvaluation(EvaluationPolicy policy) {
		return new ScoringPolicy(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, greenFrom, amberFrom, incentiveBands, rollUp, smvpId, smvpVersion, smvpAct, policy);
	}

	/**
	 * This policy without a reference to an SMVP: a plan's own, when its entity has none for the year. The evaluation
	 * policy goes too: only an adopted, validated SMVP version sets one.
	 */
	ScoringPolicy withoutSmvp() {
		return new ScoringPolicy(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, greenFrom, amberFrom, incentiveBands, rollUp, null, null, null, null);
	}

	/** Whether this policy is the one SMVP version {@code number} of {@code id} sets. */
	boolean isFrom(String id, int number) {
		return id.equals(smvpId) && smvpVersion != null && smvpVersion == number;
	}

	private static List<IncentiveBand> defaultBands() {
		return List.of(
				new IncentiveBand("BELOW_THRESHOLD", BigDecimal.ZERO, new BigDecimal("0.50"), Payout.NONE),
				new IncentiveBand("PROPORTIONAL", new BigDecimal("0.50"), new BigDecimal("0.90"), Payout.SCORE),
				new IncentiveBand("FULL", new BigDecimal("0.90"), null, Payout.FULL));
	}
}
