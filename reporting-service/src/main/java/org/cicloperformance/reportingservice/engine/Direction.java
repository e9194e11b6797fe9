package org.cicloperformance.reportingservice.engine;

public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER
}
