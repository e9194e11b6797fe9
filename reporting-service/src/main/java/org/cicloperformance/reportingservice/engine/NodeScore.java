package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;

/**
 * The score of an aggregate node: the weighted mean of the children that have a score ({@code score} null when
 * none has), and the {@code coverage}, the share of the total weight that was measured, counting each child's
 * weight in proportion to its own coverage (so that it reaches down to the indicators). {@code measuredWeight} and
 * {@code totalWeight} are the weights of the direct children that have a score and of all of them.
 */
public record NodeScore(NodeKind kind, String code, String name, BigDecimal score, BigDecimal coverage,
		BigDecimal measuredWeight, BigDecimal totalWeight, String weightBasis, String arithmetic,
		String coverageArithmetic, List<Contribution> contributions) {

	public enum NodeKind {
		OBJECTIVE, MANAGER, ORGANISATIONAL_AREA, STRATEGIC_OBJECTIVE, STRATEGIC_AREA, ENTITY
	}

	/** One child as it entered the mean: its weight, score (null = not measured) and coverage. */
	public record Contribution(String code, BigDecimal weight, BigDecimal score, BigDecimal coverage) {
	}

	public NodeScore {
		contributions = contributions == null ? List.of() : List.copyOf(contributions);
	}
}
