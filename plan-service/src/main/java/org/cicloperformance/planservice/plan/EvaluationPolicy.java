package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The individual evaluation policy an SMVP version sets (D.Lgs. 150/2009 art. 9): the weights of the parts for each
 * role group, the catalogue of organisational behaviours with a descriptor for every level of a fixed scale, the
 * level below which the evaluator must give a reason, the bands from total score to share of result pay, and the
 * contract's differentiation rule (CCNL Area Funzioni Locali 17/12/2020 art. 30) with its premium and quota.
 * Weights, totals, shares, premium and quota are fractions (0.30 = 30%). It travels in the plan versions' scoring
 * policy, so reporting-service fills in the schede with the policy of the SMVP version in force; the package
 * {@code smvp} validates it, and a plan's own policy never carries one ({@link ScoringPolicy#withoutSmvp()}).
 * {@code note} says where it comes from (e.g. "esempio, non dal documento").
 */
public record EvaluationPolicy(String note, Map<RoleGroup, PartWeights> weights, Scale scale,
		List<Behaviour> behaviours, Integer reasonRequiredBelow, List<PayBand> payBands,
		Differentiation differentiation) {

	public enum RoleGroup {
		DIRIGENTE, SEGRETARIO_GENERALE, POSIZIONE_ORGANIZZATIVA
	}

	/** The parts of the total, as fractions summing to 1. */
	public record PartWeights(BigDecimal ownObjectives, BigDecimal entityPerformance, BigDecimal behaviours) {
	}

	/** The levels of the behaviours' scale, e.g. 1 to 5. */
	public record Scale(Integer lowest, Integer highest) {
	}

	/** A behaviour, its weight inside the behaviours' part (weights summing to 1), a descriptor for every level. */
	public record Behaviour(String code, String name, BigDecimal weight, Map<Integer, String> descriptors) {
	}

	/** Totals in [from, to) (to null: no upper bound) earn {@code share} of the result pay. */
	public record PayBand(String code, BigDecimal from, BigDecimal to, BigDecimal share) {
	}

	/** The best-rated get at least {@code premium} above the average pay, up to {@code quota} of the managers. */
	public record Differentiation(BigDecimal premium, BigDecimal quota) {
	}
}
