package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;

/** Obiettivo strategico: its value is its share of the area's value. */
record StrategicObjective(String code, String name, BigDecimal value,
		List<OperationalObjective> operationalObjectives) {

	public StrategicObjective {
		operationalObjectives = Lists.copy(operationalObjectives);
	}

	public StrategicObjective withOperationalObjectives(List<OperationalObjective> objectives) {
		return new StrategicObjective(code, name, value, objectives);
	}
}
