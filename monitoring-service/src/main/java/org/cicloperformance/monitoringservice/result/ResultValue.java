package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A reported value; which field is set depends on the indicator's measure kind: {@code number} (COUNT, AMOUNT,
 * PERCENTAGE in percent points), {@code yes} (BOOLEAN), {@code delivered} (MILESTONE), {@code assessment} 0–100
 * with {@code justification} (QUALITATIVE), {@code components} (COMPOUND). {@code text} keeps the original wording.
 */
public record ResultValue(BigDecimal number, Boolean yes, List<DeliveredMilestone> delivered, BigDecimal assessment,
		String justification, Map<String, BigDecimal> components, String text) {

	/** A milestone delivered on a date (ISO yyyy-MM-dd; kept as text so that a bad date can be named, not lost). */
	public record DeliveredMilestone(String milestone, String date) {
	}
}
