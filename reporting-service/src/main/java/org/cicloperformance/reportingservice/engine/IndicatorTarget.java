package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The target of an indicator at one checkpoint: {@code number} (COUNT, AMOUNT, PERCENTAGE), {@code yes} (BOOLEAN),
 * {@code milestones} due by the checkpoint (MILESTONE), {@code components} (COMPOUND); {@code text} is the plan's
 * wording (the only field of a QUALITATIVE target).
 */
public record IndicatorTarget(BigDecimal number, Boolean yes, List<String> milestones,
		Map<String, BigDecimal> components, String text) {

	public IndicatorTarget {
		milestones = milestones == null ? List.of() : List.copyOf(milestones);
		components = components == null ? Map.of() : Map.copyOf(components);
	}

	public static IndicatorTarget number(BigDecimal number) {
		return new IndicatorTarget(number, null, null, null, null);
	}
}
