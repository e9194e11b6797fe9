package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the engine needs of an indicator of one plan version. {@code targets} is keyed by checkpoint id: an
 * indicator without a target at a checkpoint is not due then.
 */
public record IndicatorDefinition(String code, String name, MeasureKind kind, Direction direction,
		BigDecimal baseline, BigDecimal weight, List<ComponentDefinition> components,
		List<MilestoneDefinition> milestones, Map<String, IndicatorTarget> targets) {

	public IndicatorDefinition {
		direction = direction == null ? Direction.HIGHER_IS_BETTER : direction;
		components = components == null ? List.of() : List.copyOf(components);
		milestones = milestones == null ? List.of() : List.copyOf(milestones);
		targets = targets == null ? Map.of() : Map.copyOf(targets);
	}

	public Optional<IndicatorTarget> target(String checkpoint) {
		return Optional.ofNullable(targets.get(checkpoint));
	}

	public Optional<MilestoneDefinition> milestone(String milestoneCode) {
		return milestones.stream().filter(m -> m.code().equals(milestoneCode)).findFirst();
	}
}
