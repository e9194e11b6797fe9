package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;

/** The incentive block of an objective (seed 2.2.1): a coefficient applied to each fund's unit amount. */
record Incentive(BigDecimal coefficient, String purpose, List<IncentiveFund> funds) {

	public Incentive {
		funds = Lists.copy(funds);
	}
}
