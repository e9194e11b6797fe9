package org.cicloperformance.reportingservice.evaluation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a year's individual evaluation is made (D.Lgs. 150/2009 art. 9), as data: the weights of its parts for each
 * role group, the catalogue of organisational behaviours with the descriptor of every level of a fixed scale, the
 * level below which the evaluator must give a reason, the bands from total score to share of result pay, and the
 * contract's differentiation rule with its parameters. Every choice here is the body's (its SMVP), not the law's:
 * the law asks for the parts, the contract for a differentiation of at least 30% for a limited quota.
 */
public record EvaluationPolicy(Map<RoleGroup, PartWeights> weights, Scale scale, List<Behaviour> behaviours,
		int reasonRequiredBelow, List<PayBand> payBands, Differentiation differentiation) {

	public enum RoleGroup {
		DIRIGENTE, SEGRETARIO_GENERALE, POSIZIONE_ORGANIZZATIVA
	}

	/** The parts of the total, as fractions summing to 1. */
	public record PartWeights(BigDecimal ownObjectives, BigDecimal entityPerformance, BigDecimal behaviours) {
	}

	/** The levels of the behaviours' scale, e.g. 1 to 5. */
	public record Scale(int lowest, int highest) {
	}

	/** A behaviour, its weight inside the behaviours' part (weights summing to 1), a descriptor for every level. */
	public record Behaviour(String code, String name, BigDecimal weight, Map<Integer, String> descriptors) {
	}

	/** Totals in [from, to) (to null: no upper bound) earn {@code share} of the result pay. */
	public record PayBand(String code, BigDecimal from, BigDecimal to, BigDecimal share) {

		boolean contains(BigDecimal total) {
			return total.compareTo(from) >= 0 && (to == null || total.compareTo(to) < 0);
		}
	}

	/**
	 * CCNL Area Funzioni Locali 17/12/2020, art. 30: the best-rated get a result pay at least {@code premium} (0.30)
	 * above the average per head, and only up to {@code quota} of the managers evaluated may get it.
	 */
	public record Differentiation(BigDecimal premium, BigDecimal quota) {
	}

	/** The policy's own coherence: what is wrong, as JSON pointers with a reason; empty when it can be used. */
	public List<Violation> violations() {
		List<Violation> out = new ArrayList<>();
		weights.forEach((group, w) -> {
			BigDecimal sum = w.ownObjectives().add(w.entityPerformance()).add(w.behaviours());
			if (sum.compareTo(BigDecimal.ONE) != 0) {
				out.add(new Violation("/weights/" + group, "parts-do-not-sum-to-one"));
			}
		});
		if (scale.lowest() < 0 || scale.highest() <= scale.lowest() || scale.highest() > 100) {
			out.add(new Violation("/scale", "invalid-scale"));
		}
		BigDecimal behaviourWeights = BigDecimal.ZERO;
		Set<String> codes = new HashSet<>();
		for (int i = 0; i < behaviours.size(); i++) {
			Behaviour b = behaviours.get(i);
			behaviourWeights = behaviourWeights.add(b.weight());
			if (!codes.add(b.code())) {
				out.add(new Violation("/behaviours/" + i + "/code", "duplicate"));
			}
			for (int level = scale.lowest(); level <= scale.highest(); level++) {
				if (b.descriptors().get(level) == null || b.descriptors().get(level).isBlank()) {
					out.add(new Violation("/behaviours/" + i + "/descriptors/" + level, "descriptor-missing"));
				}
			}
		}
		if (!behaviours.isEmpty() && behaviourWeights.compareTo(BigDecimal.ONE) != 0) {
			out.add(new Violation("/behaviours", "weights-do-not-sum-to-one"));
		}
		if (differentiation.premium().signum() < 0 || differentiation.quota().signum() < 0
				|| differentiation.quota().compareTo(BigDecimal.ONE) > 0) {
			out.add(new Violation("/differentiation", "out-of-range"));
		}
		return out;
	}

	public PayBand bandOf(BigDecimal total) {
		return payBands.stream().filter(b -> b.contains(total)).findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no pay band for " + total));
	}

	/** A field of the policy or of a scheda that cannot be accepted, and why (a message key). */
	public record Violation(String pointer, String reason) {
	}
}
