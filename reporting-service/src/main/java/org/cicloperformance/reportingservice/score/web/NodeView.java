package org.cicloperformance.reportingservice.score.web;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.NodeScore;

/**
 * A node of the score tree with its explanation: the weighted mean ({@code arithmetic}), the coverage and the
 * children it was computed from; objectives list their indicators.
 */
record NodeView(String kind, String code, String name, BigDecimal score, String scoreText, BigDecimal coverage,
		String coverageText, BigDecimal weightInParent, String weightBasis, String arithmetic,
		String coverageArithmetic, BigDecimal measuredWeight, BigDecimal totalWeight, List<NodeView> children,
		List<IndicatorView> indicators) {

	static NodeView of(NodeScore node, BigDecimal weightInParent, List<NodeView> children,
			List<IndicatorView> indicators) {
		return new NodeView(node.kind().name(), node.code(), node.name(), node.score(),
				node.score() == null ? null : Decimals.percent(node.score()), node.coverage(),
				Decimals.percent(node.coverage()), weightInParent, node.weightBasis(), node.arithmetic(),
				node.coverageArithmetic(), node.measuredWeight(), node.totalWeight(), children, indicators);
	}
}
