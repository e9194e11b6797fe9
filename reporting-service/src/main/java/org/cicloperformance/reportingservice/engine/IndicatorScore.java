package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;

/** An indicator's achievement with its inputs: definition summary, target and the result version used. */
public record IndicatorScore(String objective, String indicator, String name, MeasureKind kind,
		Direction direction, BigDecimal weight, IndicatorTarget target, IndicatorResult result,
		Achievement achievement) {
}
