package org.cicloperformance.planservice.plan;

public enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER
}
