package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;

/**
 * One change of a revision. Flat rather than polymorphic so every consumer can read it tolerantly:
 * {@code type} says which of the other fields matter.
 * <ul>
 * <li>TARGET_CHANGED: objective, indicator, target (its checkpoint says which target);</li>
 * <li>INDICATOR_WEIGHT_CHANGED: objective, indicator, weight;</li>
 * <li>INDICATOR_ADDED: objective, indicatorDefinition;</li>
 * <li>INDICATOR_WITHDRAWN: objective, indicator;</li>
 * <li>OBJECTIVE_WEIGHT_CHANGED: objective, weight;</li>
 * <li>SCORING_POLICY_CHANGED: no objective; the version's {@code scoringPolicy} is the one a new SMVP version sets
 * (made by plan-service itself, never accepted in a revision request).</li>
 * </ul>
 */
public record PlanChange(Type type, String objective, String indicator, Target target, BigDecimal weight,
		Indicator indicatorDefinition, String reason) {

	public enum Type {
		TARGET_CHANGED, INDICATOR_WEIGHT_CHANGED, INDICATOR_ADDED, INDICATOR_WITHDRAWN, OBJECTIVE_WEIGHT_CHANGED,
		SCORING_POLICY_CHANGED
	}
}
