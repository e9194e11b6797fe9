package org.cicloperformance.planservice.plan;

/** How an indicator is measured, which decides the shape of its targets and results. */
enum MeasureKind {
	COUNT, PERCENTAGE, AMOUNT, BOOLEAN, MILESTONE, QUALITATIVE, COMPOUND;

	public boolean isNumeric() {
		return this == COUNT || this == PERCENTAGE || this == AMOUNT;
	}
}
