package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * An indicator of an operational objective. A checkpoint without a target means the indicator is not due then.
 * {@code components} are set for COMPOUND indicators, {@code milestones} for MILESTONE ones.
 */
record Indicator(
		String code,
		String name,
		List<IndicatorType> types,
		String perspective,
		MeasureKind measureKind,
		Direction direction,
		String unit,
		BigDecimal baseline,
		String baselineText,
		BigDecimal weight,
		List<Component> components,
		List<Milestone> milestones,
		List<Target> targets) {

	public Indicator {
		types = Lists.copy(types);
		components = Lists.copy(components);
		milestones = Lists.copy(milestones);
		targets = Lists.copy(targets);
	}

	public Optional<Target> target(String checkpoint) {
		return targets.stream().filter(t -> checkpoint.equals(t.checkpoint())).findFirst();
	}

	public Indicator withWeight(BigDecimal newWeight) {
		return new Indicator(code, name, types, perspective, measureKind, direction, unit, baseline, baselineText,
				newWeight, components, milestones, targets);
	}

	public Indicator withTargets(List<Target> newTargets) {
		return new Indicator(code, name, types, perspective, measureKind, direction, unit, baseline, baselineText,
				weight, components, milestones, newTargets);
	}
}
