package org.cicloperformance.planservice.proposal;

import org.cicloperformance.planservice.plan.Target;

/**
 * One row of the proposal table: the forecast at the checkpoint, what was achieved, the forecast at year end
 * (the plan's wording) and the new forecast, which becomes the indicator's target when the proposal is approved.
 */
public record ProposedChange(String objective, String indicator, String forecastAtCheckpoint, String achieved,
		String forecastAtYearEnd, Target newTarget, String reason) {
}
