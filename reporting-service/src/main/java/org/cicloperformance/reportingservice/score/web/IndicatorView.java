package org.cicloperformance.reportingservice.score.web;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;

/**
 * An indicator's achievement with its inputs: target, result version used and the arithmetic. On the final scores
 * of a closed checkpoint {@code oivVerdict} ({@code VALIDATED}, {@code ADJUSTED}) says how the OIV judged it:
 * {@code achievement} is the figure used (the OIV's when adjusted), {@code selfReportedAchievement} the one the
 * office's result gives by the rules. The OIV fields are null on live (provisional) scores.
 */
record IndicatorView(String objective, String indicator, String name, String measureKind, String direction,
		BigDecimal weight, String status, String rule, BigDecimal achievement, String achievementText,
		BigDecimal raw, String arithmetic, List<Achievement.Part> parts, IndicatorTarget target,
		IndicatorResult result, Integer resultVersion, Integer resultPlanVersion, String oivVerdict,
		BigDecimal oivAdjustedAchievement, String oivReason, BigDecimal selfReportedAchievement,
		String selfReportedAchievementText, String selfReportedArithmetic) {

	static IndicatorView of(IndicatorScore score) {
		Achievement a = score.achievement();
		Achievement declared = a.declared();
		BigDecimal selfReported = declared == null ? null : declared.value();
		return new IndicatorView(score.objective(), score.indicator(), score.name(), score.kind().name(),
				score.direction().name(), score.weight(), a.status().name(), a.rule().name(), a.value(),
				a.value() == null ? null : Decimals.percent(a.value()), a.raw(), a.arithmetic(), a.parts(),
				score.target(), score.result(), score.result() == null ? null : score.result().resultVersion(),
				score.result() == null ? null : score.result().planVersion(),
				a.oiv() == null ? null : a.oiv().kind().name(), a.oiv() == null ? null : a.oiv().adjustedAchievement(),
				a.oiv() == null ? null : a.oiv().reason(), selfReported,
				selfReported == null ? null : Decimals.percent(selfReported),
				declared == null ? null : declared.arithmetic());
	}
}
