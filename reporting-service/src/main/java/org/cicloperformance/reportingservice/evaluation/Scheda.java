package org.cicloperformance.reportingservice.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Behaviour;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PartWeights;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PayBand;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;
import org.cicloperformance.reportingservice.format.Formats;

/**
 * A manager's scheda di valutazione computed: the organisational parts come from the final scores as they are
 * (never re-typed), the behaviours from the evaluator's ratings, and the total with its arithmetic in words, like
 * every other score. A behaviour's level counts as its share of the scale's top ({@code level / highest}): our
 * policy, stated in docs/evaluation.md.
 */
public record Scheda(String managerId, RoleGroup group, BigDecimal ownObjectives, BigDecimal entityPerformance,
		BigDecimal behaviours, BigDecimal total, PayBand band, String arithmetic) {

	private static final MathContext PRECISION = MathContext.DECIMAL64;

	/** What the evaluator gives for a behaviour: a level of the scale and, below the policy's level, a reason. */
	public record Rating(String behaviour, int level, String reason) {
	}

	/**
	 * The scheda of a manager from their objectives' final score, the entity's, and the ratings; refused with the
	 * fields that are wrong.
	 */
	public static Scheda evaluate(EvaluationPolicy policy, String managerId, RoleGroup group, BigDecimal ownObjectives,
			BigDecimal entityPerformance, List<Rating> ratings) {
		List<Violation> violations = check(policy, group, ratings);
		if (!violations.isEmpty()) {
			throw new RefusedScheda(violations);
		}
		Map<String, Rating> byBehaviour = new HashMap<>();
		ratings.forEach(r -> byBehaviour.put(r.behaviour(), r));
		BigDecimal behaviours = BigDecimal.ZERO;
		for (Behaviour b : policy.behaviours()) {
			BigDecimal level = BigDecimal.valueOf(byBehaviour.get(b.code()).level());
			behaviours = behaviours.add(b.weight().multiply(level.divide(BigDecimal.valueOf(policy.scale().highest()),
					PRECISION)));
		}
		PartWeights w = policy.weights().get(group);
		BigDecimal total = w.ownObjectives().multiply(ownObjectives)
			.add(w.entityPerformance().multiply(entityPerformance))
			.add(w.behaviours().multiply(behaviours))
			.setScale(10, RoundingMode.HALF_UP);
		PayBand band = policy.bandOf(total);
		Formats f = Formats.italian();
		String arithmetic = f.percent(w.ownObjectives()) + " × " + f.percent(ownObjectives) + " (obiettivi propri) + "
				+ f.percent(w.entityPerformance()) + " × " + f.percent(entityPerformance) + " (performance dell'ente) + "
				+ f.percent(w.behaviours()) + " × " + f.percent(behaviours) + " (comportamenti) = " + f.percent(total)
				+ " → fascia " + band.code() + ", " + f.percent(band.share()) + " della retribuzione di risultato";
		return new Scheda(managerId, group, ownObjectives, entityPerformance, behaviours, total, band, arithmetic);
	}

	private static List<Violation> check(EvaluationPolicy policy, RoleGroup group, List<Rating> ratings) {
		List<Violation> out = new ArrayList<>();
		if (!policy.weights().containsKey(group)) {
			out.add(new Violation("/group", "no-weights-for-group"));
		}
		Map<String, Integer> seen = new HashMap<>();
		for (int i = 0; i < ratings.size(); i++) {
			Rating r = ratings.get(i);
			if (seen.put(r.behaviour(), i) != null) {
				out.add(new Violation("/ratings/" + i + "/behaviour", "duplicate"));
			}
			if (policy.behaviours().stream().noneMatch(b -> b.code().equals(r.behaviour()))) {
				out.add(new Violation("/ratings/" + i + "/behaviour", "unknown-behaviour"));
			}
			if (r.level() < policy.scale().lowest() || r.level() > policy.scale().highest()) {
				out.add(new Violation("/ratings/" + i + "/level", "outside-scale"));
			}
			else if (r.level() < policy.reasonRequiredBelow() && (r.reason() == null || r.reason().isBlank())) {
				out.add(new Violation("/ratings/" + i + "/reason", "reason-required"));
			}
		}
		policy.behaviours().stream().filter(b -> !seen.containsKey(b.code()))
			.forEach(b -> out.add(new Violation("/ratings", "behaviour-not-rated:" + b.code())));
		return out;
	}

	/** A scheda that cannot be computed as given. */
	public static final class RefusedScheda extends RuntimeException {

		private final transient List<Violation> violations;

		RefusedScheda(List<Violation> violations) {
			super(violations.toString());
			this.violations = List.copyOf(violations);
		}

		public List<Violation> violations() {
			return violations;
		}
	}
}
