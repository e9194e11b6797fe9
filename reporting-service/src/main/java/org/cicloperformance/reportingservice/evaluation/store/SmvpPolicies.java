package org.cicloperformance.reportingservice.evaluation.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.plan.PlanEvent;

/**
 * The evaluation policy of an SMVP version, as the plan events carry it, turned into this service's policy. The
 * reading is tolerant: a role group or a level this service does not know is left out (the policy's own check then
 * says what is missing); a field the policy cannot do without makes it unusable (null), never a guess.
 */
final class SmvpPolicies {

	private SmvpPolicies() {
	}

	/** @return the policy, or null when a field it cannot do without is missing */
	static EvaluationPolicy toPolicy(PlanEvent.Evaluation e) {
		if (e.weights() == null || e.scale() == null || e.scale().lowest() == null || e.scale().highest() == null
				|| e.reasonRequiredBelow() == null || e.payBands() == null || e.differentiation() == null
				|| e.differentiation().premium() == null || e.differentiation().quota() == null) {
			return null;
		}
		Map<RoleGroup, EvaluationPolicy.PartWeights> weights = new LinkedHashMap<>();
		for (var entry : e.weights().entrySet()) {
			RoleGroup group = roleGroup(entry.getKey());
			var w = entry.getValue();
			if (group == null) {
				continue;
			}
			if (w == null || w.ownObjectives() == null || w.entityPerformance() == null || w.behaviours() == null) {
				return null;
			}
			weights.put(group, new EvaluationPolicy.PartWeights(w.ownObjectives(), w.entityPerformance(),
					w.behaviours()));
		}
		List<EvaluationPolicy.Behaviour> behaviours = new ArrayList<>();
		for (var b : e.behaviours() == null ? List.<PlanEvent.Evaluation.Behaviour>of() : e.behaviours()) {
			if (b == null || b.code() == null || b.weight() == null) {
				return null;
			}
			behaviours.add(new EvaluationPolicy.Behaviour(b.code(), b.name(), b.weight(), levels(b.descriptors())));
		}
		List<EvaluationPolicy.PayBand> bands = new ArrayList<>();
		for (var band : e.payBands()) {
			if (band == null || band.from() == null || band.share() == null) {
				return null;
			}
			bands.add(new EvaluationPolicy.PayBand(band.code(), band.from(), band.to(), band.share()));
		}
		return new EvaluationPolicy(weights, new EvaluationPolicy.Scale(e.scale().lowest(), e.scale().highest()),
				List.copyOf(behaviours), e.reasonRequiredBelow(), List.copyOf(bands),
				new EvaluationPolicy.Differentiation(e.differentiation().premium(), e.differentiation().quota()));
	}

	private static RoleGroup roleGroup(String name) {
		for (RoleGroup group : RoleGroup.values()) {
			if (group.name().equals(name)) {
				return group;
			}
		}
		return null;
	}

	private static Map<Integer, String> levels(Map<String, String> descriptors) {
		Map<Integer, String> out = new LinkedHashMap<>();
		if (descriptors != null) {
			descriptors.forEach((level, text) -> {
				if (level != null && level.matches("[0-9]{1,3}")) {
					out.put(Integer.parseInt(level), text);
				}
			});
		}
		return out;
	}
}
