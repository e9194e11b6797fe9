package org.cicloperformance.reportingservice.hr;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.scoring.Incentives.FundEarning;

/** The feed HR uses to compute incentive pay: one row per manager of a plan at a checkpoint. */
public record HrFeed(String planId, String checkpoint, String checkpointLabel, String status, int planVersion,
		int policyVersion, Instant computedAt, List<Row> rows) {

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
