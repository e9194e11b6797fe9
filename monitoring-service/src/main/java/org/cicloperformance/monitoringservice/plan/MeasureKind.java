package org.cicloperformance.monitoringservice.plan;

/** How an indicator is measured; decides the shape of its targets, results and deviations. */
public enum MeasureKind {
	COUNT, PERCENTAGE, AMOUNT, BOOLEAN, MILESTONE, QUALITATIVE, COMPOUND;

	public boolean isNumeric() {
		return this == COUNT || this == PERCENTAGE || this == AMOUNT;
	}
}
