package org.cicloperformance.reportingservice.hr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Incentives.FundEarning;

/**
 * The feed HR uses to compute incentive pay: one row per manager of a plan at a checkpoint. {@code status} is
 * {@code FINAL} when the checkpoint is closed by the OIV (the final scores of {@code closing}), else
 * {@code PROVISIONAL} ({@code closing} null); incentives are paid on the final checkpoint's FINAL feed only, the one
 * {@code payable}.
 */
public record HrFeed(String planId, String checkpoint, String checkpointLabel, String status, int planVersion,
		int policyVersion, Instant computedAt, List<Row> rows, Integer closing, boolean payable) {

	/** A provisional feed (no closing, not payable). */
	public HrFeed(String planId, String checkpoint, String checkpointLabel, String status, int planVersion,
			int policyVersion, Instant computedAt, List<Row> rows) {
		this(planId, checkpoint, checkpointLabel, status, planVersion, policyVersion, computedAt, rows, null, false);
	}

	/**
	 * {@code score}, {@code coverage} and {@code payoutPercentage} are fractions (0.9148 = 91,48%); {@code band} and
	 * {@code payoutPercentage} are null while nothing of the manager was measured.
	 */
	public record Row(String managerId, String managerName, String organisationalArea, String organisationalAreaName,
			BigDecimal score, BigDecimal coverage, String band, BigDecimal payoutPercentage, String payoutArithmetic,
			int policyVersion, int planVersion, Instant computedAt, String status, List<IncentiveEarning> incentives) {
	}

	/** An objective with an incentive block: what each fund pays at the objective's achievement. */
	public record IncentiveEarning(String objective, String objectiveTitle, BigDecimal objectiveScore,
			BigDecimal coverage, String band, BigDecimal payoutPercentage, BigDecimal coefficient,
			List<FundEarning> funds) {
	}
}
