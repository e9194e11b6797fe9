package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The distance of a result from the target in force: {@code number} for numeric kinds (result − target;
 * percentage points for percentages), {@code components} for COMPOUND, {@code missedMilestones} for MILESTONE.
 * {@code notDue} says the indicator had no target at the checkpoint, so the deviation equals the result.
 * {@code text} is the Italian wording, e.g. "-3.201 posizioni e -3 riunioni".
 */
record Deviation(BigDecimal number, Map<String, BigDecimal> components, List<String> missedMilestones,
		boolean notDue, String text) {
}
