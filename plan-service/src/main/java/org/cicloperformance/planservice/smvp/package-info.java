/**
 * The SMVP (sistema di misurazione e valutazione della performance) as data: per entity and year, a versioned,
 * immutable document with the scoring rules, the roll-up weights, the incentive bands, the qualitative scale with
 * its descriptors and the act that adopted it. A plan of that entity and year is scored with the policy of the
 * version in force at each checkpoint ({@code SmvpPolicies} implements the plan feature's {@code ScoringPolicies});
 * a new version makes plan-service publish the plan versions that apply it ({@code PlanService#alignWithScoringPolicies}).
 */
package org.cicloperformance.planservice.smvp;
