package org.cicloperformance.reportingservice.score.web;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.reportingservice.scoring.Achievement;
import org.cicloperformance.reportingservice.scoring.Decimals;
import org.cicloperformance.reportingservice.scoring.IndicatorResult;
import org.cicloperformance.reportingservice.scoring.IndicatorScore;
import org.cicloperformance.reportingservice.scoring.IndicatorTarget;

/** An indicator's achievement with its inputs: target, result version used and the arithmetic. */
record IndicatorView(String objective, String indicator, String name, String measureKind, String direction,
		BigDecimal weight, String status, String rule, BigDecimal achievement, String achievementText,
		BigDecimal raw, String arithmetic, List<Achievement.Part> parts, IndicatorTarget target,
		IndicatorResult result, Integer resultVersion, Integer resultPlanVersion) {

	static IndicatorView of(IndicatorScore score) {
		Achievement a = score.achievement();
		return new IndicatorView(score.objective(), score.indicator(), score.name(), score.kind().name(),
				score.direction().name(), score.weight(), a.status().name(), a.rule().name(), a.value(),
				a.value() == null ? null : Decimals.percent(a.value()), a.raw(), a.arithmetic(), a.parts(),
				score.target(), score.result(), score.result() == null ? null : score.result().resultVersion(),
				score.result() == null ? null : score.result().planVersion());
	}
}
