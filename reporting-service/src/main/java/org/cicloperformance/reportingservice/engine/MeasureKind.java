package org.cicloperformance.reportingservice.engine;

/** How an indicator is measured; decides which fields of its target and result matter. */
public enum MeasureKind {
	COUNT, PERCENTAGE, AMOUNT, BOOLEAN, MILESTONE, QUALITATIVE, COMPOUND;

	public boolean isNumeric() {
		return this == COUNT || this == PERCENTAGE || this == AMOUNT;
	}
}
