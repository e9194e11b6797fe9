package org.cicloperformance.reportingservice.engine;

import static org.cicloperformance.reportingservice.engine.Decimals.number;
import static org.cicloperformance.reportingservice.engine.Decimals.percent;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.NodeScore.Contribution;
import org.cicloperformance.reportingservice.engine.NodeScore.NodeKind;

/** Weighted means with coverage: the one roll-up rule of every aggregate level. */
public final class RollUp {

	private RollUp() {
	}

	public static NodeScore of(NodeKind kind, String code, String name, String weightBasis,
			List<Contribution> children) {
		List<Contribution> measured = children.stream().filter(c -> c.score() != null).toList();
		BigDecimal total = sum(children.stream().map(Contribution::weight).toList());
		BigDecimal measuredWeight = sum(measured.stream().map(Contribution::weight).toList());
		BigDecimal score = null;
		String arithmetic = "nessun elemento misurato";
		if (!measured.isEmpty() && measuredWeight.signum() > 0) {
			BigDecimal weighted = sum(measured.stream().map(c -> c.weight().multiply(c.score())).toList());
			score = Decimals.divide(weighted, measuredWeight);
			arithmetic = "(" + measured.stream().map(c -> number(c.weight()) + " · " + percent(c.score()))
					.collect(Collectors.joining(" + ")) + ") / " + number(measuredWeight) + " = " + percent(score);
		}
		BigDecimal coverage = Decimals.scaled(BigDecimal.ZERO);
		String coverageArithmetic = "nessun peso";
		if (total.signum() > 0) {
			BigDecimal covered = sum(children.stream().map(c -> c.weight().multiply(coverageOf(c))).toList());
			coverage = Decimals.divide(covered, total);
			boolean whole = children.stream().allMatch(c -> coverageOf(c).signum() == 0
					|| coverageOf(c).compareTo(BigDecimal.ONE) == 0);
			coverageArithmetic = whole
					? number(covered) + " / " + number(total) + " = " + percent(coverage)
					: "(" + children.stream().map(c -> number(c.weight()) + " · " + percent(coverageOf(c)))
							.collect(Collectors.joining(" + ")) + ") / " + number(total) + " = " + percent(coverage);
		}
		return new NodeScore(kind, code, name, score, coverage, Decimals.scaled(measuredWeight),
				Decimals.scaled(total), weightBasis, arithmetic, coverageArithmetic, children);
	}

	private static BigDecimal coverageOf(Contribution c) {
		return c.score() == null || c.coverage() == null ? BigDecimal.ZERO : c.coverage();
	}

	private static BigDecimal sum(List<BigDecimal> values) {
		return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}
}
