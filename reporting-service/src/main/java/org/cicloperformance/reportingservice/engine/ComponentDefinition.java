package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;

/** A component of a COMPOUND indicator; {@code weight} is optional (equal weights when any is missing). */
public record ComponentDefinition(String code, Direction direction, BigDecimal weight) {

	public ComponentDefinition {
		direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
	}
}
