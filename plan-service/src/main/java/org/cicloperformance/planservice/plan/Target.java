package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The target of an indicator at one checkpoint. Which field is set depends on the measure kind:
 * {@code number} (COUNT, AMOUNT, PERCENTAGE), {@code yes} (BOOLEAN), {@code milestones} — the codes due by the
 * checkpoint (MILESTONE), {@code components} (COMPOUND), only {@code text} (QUALITATIVE). {@code text} keeps the
 * plan's original Italian wording in every case.
 */
public record Target(String checkpoint, BigDecimal number, Boolean yes, List<String> milestones,
		Map<String, BigDecimal> components, String text) {

	public Target {
		milestones = milestones == null ? null : List.copyOf(milestones);
		components = components == null ? null : Map.copyOf(components);
	}
}
