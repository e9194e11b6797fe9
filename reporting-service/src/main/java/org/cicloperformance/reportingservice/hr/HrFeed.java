package org.cicloperformance.reportingservice.hr;

import java.math.BigDecimal;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
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
	 * {@code payoutPercentage} are null while nothing of the manager was measured. {@code evaluation} and
	 * {@code resultPay} are there only on the FINAL feed of the final checkpoint, once the manager's scheda is FINAL
	 * (and the pay table exists, for {@code resultPay}): absent otherwise, so a reader of the older feed sees nothing
	 * new.
	 */
	public record Row(String managerId, String managerName, String organisationalArea, String organisationalAreaName,
			BigDecimal score, BigDecimal coverage, String band, BigDecimal payoutPercentage, String payoutArithmetic,
			int policyVersion, int planVersion, Instant computedAt, String status, List<IncentiveEarning> incentives,
			@JsonInclude(JsonInclude.Include.NON_NULL) Evaluation evaluation,
			@JsonInclude(JsonInclude.Include.NON_NULL) List<ResultPayShare> resultPay) {

		/** A row without a FINAL scheda. */
		public Row(String managerId, String managerName, String organisationalArea, String organisationalAreaName,
				BigDecimal score, BigDecimal coverage, String band, BigDecimal payoutPercentage,
				String payoutArithmetic, int policyVersion, int planVersion, Instant computedAt, String status,
				List<IncentiveEarning> incentives) {
			this(managerId, managerName, organisationalArea, organisationalAreaName, score, coverage, band,
					payoutPercentage, payoutArithmetic, policyVersion, planVersion, computedAt, status, incentives,
					null, null);
		}
	}

	/**
	 * The manager's FINAL scheda di valutazione (docs/evaluation.md), latest FINAL version: its parts and total are
	 * fractions, {@code share} the share of the result pay its band gives.
	 */
	public record Evaluation(int version, String state, String group, String checkpoint, int closing,
			BigDecimal ownObjectives, BigDecimal entityPerformance, BigDecimal behaviours, BigDecimal total,
			String band, BigDecimal share, String arithmetic, Instant finalAt) {
	}

	/**
	 * What a managers' fund of result pay gives the manager (the pay table of docs/evaluation.md): {@code amount} in
	 * euros to the cent, {@code fundAmount} the whole fund as HR entered it with its act.
	 */
	public record ResultPayShare(String fund, String fundName, int fundVersion, BigDecimal fundAmount, String act,
			LocalDate actDate, BigDecimal share, boolean differentiated, BigDecimal amount, String arithmetic) {
	}

	/** An objective with an incentive block: what each fund pays at the objective's achievement. */
	public record IncentiveEarning(String objective, String objectiveTitle, BigDecimal objectiveScore,
			BigDecimal coverage, String band, BigDecimal payoutPercentage, BigDecimal coefficient,
			List<FundEarning> funds) {
	}
}
