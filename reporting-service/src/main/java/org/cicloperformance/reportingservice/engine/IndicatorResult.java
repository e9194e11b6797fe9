package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One result version of an indicator at a checkpoint, with the value fields of the monitoring API: {@code number}
 * (COUNT, AMOUNT, PERCENTAGE in percent points), {@code yes} (BOOLEAN), {@code delivered} (MILESTONE),
 * {@code assessment} 0–100 (QUALITATIVE), {@code components} (COMPOUND). {@code planVersion} is the version the
 * result was recorded against.
 */
public record IndicatorResult(int resultVersion, Integer planVersion, BigDecimal number, Boolean yes,
		List<Delivery> delivered, BigDecimal assessment, Map<String, BigDecimal> components, String text) {

	public IndicatorResult {
		delivered = delivered == null ? List.of() : List.copyOf(delivered);
		components = components == null ? Map.of() : Map.copyOf(components);
	}

	/** A milestone delivered on a date. */
	public record Delivery(String milestone, LocalDate date) {
	}

	public static IndicatorResult number(BigDecimal number) {
		return new IndicatorResult(1, 1, number, null, null, null, null, null);
	}
}
