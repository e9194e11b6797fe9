package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;

/**
 * The scoring policy in force for a plan (the SMVP as data). Every field has a default, applied by
 * {@link #withDefaults()}, so a plan may state only what differs from the defaults.
 */
record ScoringPolicy(
		Integer version,
		BigDecimal cap,
		BigDecimal floor,
		NumericRule numericRule,
		MissingResultRule missingAtIntermediate,
		MissingResultRule missingAtFinal,
		BigDecimal lateMilestoneCredit,
		BigDecimal greenFrom,
		BigDecimal amberFrom,
		List<IncentiveBand> incentiveBands) {

	public enum NumericRule {
		RATIO, LINEAR_FROM_BASELINE
	}

	public enum MissingResultRule {
		EXCLUDE, ZERO
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
		return new ScoringPolicy(null, null, null, null, null, null, null, null, null, null).withDefaults();
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
				incentiveBands == null || incentiveBands.isEmpty() ? defaultBands() : List.copyOf(incentiveBands));
	}

	private static List<IncentiveBand> defaultBands() {
		return List.of(
				new IncentiveBand("BELOW_THRESHOLD", BigDecimal.ZERO, new BigDecimal("0.50"), Payout.NONE),
				new IncentiveBand("PROPORTIONAL", new BigDecimal("0.50"), new BigDecimal("0.90"), Payout.SCORE),
				new IncentiveBand("FULL", new BigDecimal("0.90"), null, Payout.FULL));
	}
}
