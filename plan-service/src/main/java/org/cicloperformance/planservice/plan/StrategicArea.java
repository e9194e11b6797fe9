package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;

/** Area strategica: its value is its share of the entity's total (100). */
record StrategicArea(String code, String name, BigDecimal value, List<StrategicObjective> strategicObjectives) {

	public StrategicArea {
		strategicObjectives = Lists.copy(strategicObjectives);
	}
}
