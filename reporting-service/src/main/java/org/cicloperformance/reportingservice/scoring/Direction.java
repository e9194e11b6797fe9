package org.cicloperformance.reportingservice.scoring;

public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER
}
