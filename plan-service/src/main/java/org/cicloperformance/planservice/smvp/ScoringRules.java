package org.cicloperformance.planservice.smvp;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.ScoringPolicy;

/**
 * The rules of an SMVP version: how an indicator's achievement is computed (numeric rule, cap, floor, missing
 * results at intermediate and final checkpoints, late milestones), how operational objectives weigh in their
 * strategic objective, the traffic-light thresholds and the incentive bands. Absent fields take the defaults of
 * docs/scoring-rules.md, and a version is stored with all of them, so that its diff and its scores name every rule.
 */
public record ScoringRules(ScoringPolicy.NumericRule numericRule, BigDecimal cap, BigDecimal floor,
		ScoringPolicy.MissingResultRule missingAtIntermediate, ScoringPolicy.MissingResultRule missingAtFinal,
		BigDecimal lateMilestoneCredit, ScoringPolicy.RollUp rollUp, BigDecimal greenFrom, BigDecimal amberFrom,
		List<ScoringPolicy.IncentiveBand> incentiveBands) {

	ScoringRules withDefaults() {
		var defaults = asPolicy().withDefaults();
		return of(defaults);
	}

	/** The policy these rules set, as SMVP {@code smvpId} version {@code number} adopted by {@code act}. */
	ScoringPolicy policy(String smvpId, int number, ApprovingAct act) {
		return asPolicy().fromSmvp(smvpId, number, act);
	}

	private ScoringPolicy asPolicy() {
		return new ScoringPolicy(null, cap, floor, numericRule, missingAtIntermediate, missingAtFinal,
				lateMilestoneCredit, greenFrom, amberFrom, incentiveBands, rollUp, null, null, null, null);
	}

	private static ScoringRules of(ScoringPolicy p) {
		return new ScoringRules(p.numericRule(), p.cap(), p.floor(), p.missingAtIntermediate(), p.missingAtFinal(),
				p.lateMilestoneCredit(), p.rollUp(), p.greenFrom(), p.amberFrom(), p.incentiveBands());
	}
}
