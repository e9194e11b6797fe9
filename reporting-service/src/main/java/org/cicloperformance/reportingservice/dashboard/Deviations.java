package org.cicloperformance.reportingservice.dashboard;

import org.cicloperformance.reportingservice.format.Formats;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;

/**
 * The deviation (scostamento) shown next to a result. The producer's deviation comes first (monitoring-service
 * owns it); when a result carries none, numeric and compound ones are computed as result − target against the
 * target the score used. Plain Java: the numbers are formatted by the caller's {@link Formats}.
 */
final class Deviations {

	private Deviations() {
	}

	/** A deviation ready to show: a number, numbers per component, or the milestones missed, else a text. */
	record Deviation(BigDecimal number, Map<String, BigDecimal> components, List<String> missedMilestones, String text) {
	}

	static Optional<Deviation> of(MeasureKind kind, IndicatorTarget target, IndicatorResult result,
			ResultEvent.Deviation reported) {
		if (reported != null && (reported.number() != null || notEmpty(reported.components())
				|| reported.missedMilestones() != null || notBlank(reported.text()))) {
			return Optional.of(new Deviation(reported.number(), sorted(reported.components()),
					reported.missedMilestones(), reported.text()));
		}
		if (target == null || result == null) {
			return Optional.empty();
		}
		if (kind.isNumeric() && target.number() != null && result.number() != null) {
			return Optional.of(new Deviation(result.number().subtract(target.number()), null, null, null));
		}
		if (kind == MeasureKind.COMPOUND && !target.components().isEmpty()) {
			Map<String, BigDecimal> differences = new TreeMap<>();
			target.components().forEach((code, expected) -> {
				BigDecimal actual = result.components().get(code);
				if (actual != null) {
					differences.put(code, actual.subtract(expected));
				}
			});
			return differences.isEmpty() ? Optional.empty()
					: Optional.of(new Deviation(null, differences, null, null));
		}
		if (kind == MeasureKind.MILESTONE && !target.milestones().isEmpty()) {
			List<String> missed = new ArrayList<>(target.milestones());
			result.delivered().forEach(d -> missed.remove(d.milestone()));
			return Optional.of(new Deviation(null, null, missed, null));
		}
		return Optional.empty();
	}

	private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> components) {
		return components == null || components.isEmpty() ? null : new TreeMap<>(components);
	}

	private static boolean notEmpty(Map<?, ?> map) {
		return map != null && !map.isEmpty();
	}

	private static boolean notBlank(String text) {
		return text != null && !text.isBlank();
	}
}
