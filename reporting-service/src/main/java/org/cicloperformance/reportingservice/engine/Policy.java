package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The scoring policy of one plan version, defaults applied. When the entity adopted an SMVP for the year,
 * plan-service publishes the policy of the SMVP version in force: {@code smvpId} names the SMVP and
 * {@code version} is the SMVP version; otherwise {@code smvpId} is null and the policy is the plan's own.
 */
public record Policy(int version, BigDecimal cap, BigDecimal floor, NumericRule numericRule,
		MissingRule missingAtIntermediate, MissingRule missingAtFinal, BigDecimal lateMilestoneCredit,
		List<IncentiveBand> incentiveBands, RollUpWeights rollUp, String smvpId) {

	public enum NumericRule {
		RATIO, LINEAR_FROM_BASELINE
	}

	public enum MissingRule {
		EXCLUDE, ZERO
	}

	/** How the operational objectives of a strategic objective weigh in its score. */
	public enum RollUpWeights {
		/** Their {@code contributionWeight} when the plan gives one to every objective, otherwise equal weights. */
		EQUAL,
		/** Their weight in their manager's set ({@code weight}). */
		BY_MANAGER_WEIGHT
	}

	public enum Payout {
		NONE, SCORE, FULL
	}

	/** Scores in [from, to) pay {@code payout}; a null {@code to} has no upper bound. */
	public record IncentiveBand(String code, BigDecimal from, BigDecimal to, Payout payout) {
	}

	public Policy {
		cap = cap == null ? BigDecimal.ONE : cap;
		floor = floor == null ? BigDecimal.ZERO : floor;
		numericRule = numericRule == null ? NumericRule.RATIO : numericRule;
		missingAtIntermediate = missingAtIntermediate == null ? MissingRule.EXCLUDE : missingAtIntermediate;
		missingAtFinal = missingAtFinal == null ? MissingRule.ZERO : missingAtFinal;
		lateMilestoneCredit = lateMilestoneCredit == null ? BigDecimal.ZERO : lateMilestoneCredit;
		incentiveBands = incentiveBands == null || incentiveBands.isEmpty() ? defaultBands()
				: List.copyOf(incentiveBands);
		rollUp = rollUp == null ? RollUpWeights.EQUAL : rollUp;
	}

	/** A plan's own policy (no SMVP), rolled up as by default. */
	public Policy(int version, BigDecimal cap, BigDecimal floor, NumericRule numericRule,
			MissingRule missingAtIntermediate, MissingRule missingAtFinal, BigDecimal lateMilestoneCredit,
			List<IncentiveBand> incentiveBands) {
		this(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal, lateMilestoneCredit,
				incentiveBands, null, null);
	}

	public static Policy defaults() {
		return new Policy(1, null, null, null, null, null, null, null, null, null);
	}

	/** The SMVP version that set this policy; null when it is the plan's own. */
	public Integer smvpVersion() {
		return smvpId == null ? null : version;
	}

	public MissingRule missingRule(Checkpoint checkpoint) {
		return checkpoint.isFinal() ? missingAtFinal : missingAtIntermediate;
	}

	public Optional<IncentiveBand> band(BigDecimal score) {
		return incentiveBands.stream()
				.filter(b -> b.from() == null || score.compareTo(b.from()) >= 0)
				.filter(b -> b.to() == null || score.compareTo(b.to()) < 0)
				.findFirst();
	}

	public Policy withCap(BigDecimal newCap) {
		return new Policy(version, newCap, floor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, incentiveBands, rollUp, smvpId);
	}

	public Policy withFloor(BigDecimal newFloor) {
		return new Policy(version, cap, newFloor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, incentiveBands, rollUp, smvpId);
	}

	public Policy withNumericRule(NumericRule rule) {
		return new Policy(version, cap, floor, rule, missingAtIntermediate, missingAtFinal, lateMilestoneCredit,
				incentiveBands, rollUp, smvpId);
	}

	public Policy withMissing(MissingRule atIntermediate, MissingRule atFinal) {
		return new Policy(version, cap, floor, numericRule, atIntermediate, atFinal, lateMilestoneCredit,
				incentiveBands, rollUp, smvpId);
	}

	public Policy withLateMilestoneCredit(BigDecimal credit) {
		return new Policy(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal, credit,
				incentiveBands, rollUp, smvpId);
	}

	public Policy withRollUp(RollUpWeights weights) {
		return new Policy(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal, lateMilestoneCredit,
				incentiveBands, weights, smvpId);
	}

	private static List<IncentiveBand> defaultBands() {
		return List.of(
				new IncentiveBand("BELOW_THRESHOLD", BigDecimal.ZERO, new BigDecimal("0.50"), Payout.NONE),
				new IncentiveBand("PROPORTIONAL", new BigDecimal("0.50"), new BigDecimal("0.90"), Payout.SCORE),
				new IncentiveBand("FULL", new BigDecimal("0.90"), null, Payout.FULL));
	}
}
