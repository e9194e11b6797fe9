package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** The scoring policy (the SMVP as data) of one plan version, defaults applied. */
public record Policy(int version, BigDecimal cap, BigDecimal floor, NumericRule numericRule,
		MissingRule missingAtIntermediate, MissingRule missingAtFinal, BigDecimal lateMilestoneCredit,
		List<IncentiveBand> incentiveBands) {

	public enum NumericRule {
		RATIO, LINEAR_FROM_BASELINE
	}

	public enum MissingRule {
		EXCLUDE, ZERO
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
	}

	public static Policy defaults() {
		return new Policy(1, null, null, null, null, null, null, null);
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
				lateMilestoneCredit, incentiveBands);
	}

	public Policy withFloor(BigDecimal newFloor) {
		return new Policy(version, cap, newFloor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, incentiveBands);
	}

	public Policy withNumericRule(NumericRule rule) {
		return new Policy(version, cap, floor, rule, missingAtIntermediate, missingAtFinal, lateMilestoneCredit,
				incentiveBands);
	}

	public Policy withMissing(MissingRule atIntermediate, MissingRule atFinal) {
		return new Policy(version, cap, floor, numericRule, atIntermediate, atFinal, lateMilestoneCredit,
				incentiveBands);
	}

	public Policy withLateMilestoneCredit(BigDecimal credit) {
		return new Policy(version, cap, floor, numericRule, missingAtIntermediate, missingAtFinal, credit,
				incentiveBands);
	}

	private static List<IncentiveBand> defaultBands() {
		return List.of(
				new IncentiveBand("BELOW_THRESHOLD", BigDecimal.ZERO, new BigDecimal("0.50"), Payout.NONE),
				new IncentiveBand("PROPORTIONAL", new BigDecimal("0.50"), new BigDecimal("0.90"), Payout.SCORE),
				new IncentiveBand("FULL", new BigDecimal("0.90"), null, Payout.FULL));
	}
}
