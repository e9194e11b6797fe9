package org.cicloperformance.planservice.plan;

enum Direction {
	HIGHER_IS_BETTER, LOWER_IS_BETTER
}
