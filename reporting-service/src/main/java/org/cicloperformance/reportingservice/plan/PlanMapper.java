package org.cicloperformance.reportingservice.plan;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.ComponentDefinition;
import org.cicloperformance.reportingservice.engine.Direction;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.MilestoneDefinition;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.engine.ScoringPlan;

/** Turns the plan content of an event into the engine's input. */
public final class PlanMapper {

	private PlanMapper() {
	}

	public static ScoringPlan toScoringPlan(String planId, int version, PlanEvent.Content content) {
		return new ScoringPlan(planId, version, content.entity(), content.entityName(), policy(content.scoringPolicy()),
				list(content.checkpoints()).stream().map(c -> new Checkpoint(c.id(), c.date(), c.isFinal())).toList(),
				list(content.strategicAreas()).stream().map(PlanMapper::area).toList(),
				list(content.managers()).stream()
						.map(m -> new ScoringPlan.Manager(m.id(), m.name(), m.organisationalArea())).toList(),
				list(content.organisationalAreas()).stream()
						.map(a -> new ScoringPlan.OrganisationalArea(a.code(), a.name())).toList());
	}

	static Policy policy(PlanEvent.Policy p) {
		if (p == null) {
			return Policy.defaults();
		}
		int version = p.smvpId() != null && p.smvpVersion() != null ? p.smvpVersion()
				: p.version() == null ? 1 : p.version();
		return new Policy(version, p.cap(), p.floor(),
				p.numericRule() == null ? null : Policy.NumericRule.valueOf(p.numericRule()),
				p.missingAtIntermediate() == null ? null : Policy.MissingRule.valueOf(p.missingAtIntermediate()),
				p.missingAtFinal() == null ? null : Policy.MissingRule.valueOf(p.missingAtFinal()),
				p.lateMilestoneCredit(),
				p.incentiveBands() == null ? null : p.incentiveBands().stream()
						.map(b -> new Policy.IncentiveBand(b.code(), b.from(), b.to(),
								Policy.Payout.valueOf(b.payout())))
						.toList(),
				p.rollUp() == null ? null : Policy.RollUpWeights.valueOf(p.rollUp()),
				p.smvpId() == null || p.smvpVersion() == null ? null : p.smvpId());
	}

	private static ScoringPlan.StrategicArea area(PlanEvent.StrategicArea a) {
		return new ScoringPlan.StrategicArea(a.code(), a.name(), a.value(),
				list(a.strategicObjectives()).stream().map(s -> new ScoringPlan.StrategicObjective(s.code(), s.name(),
						s.value(), list(s.operationalObjectives()).stream().map(PlanMapper::objective).toList()))
						.toList());
	}

	private static ScoringPlan.Objective objective(PlanEvent.OperationalObjective o) {
		ScoringPlan.Incentive incentive = o.incentive() == null ? null
				: new ScoringPlan.Incentive(o.incentive().coefficient(), o.incentive().purpose(),
						list(o.incentive().funds()).stream()
								.map(f -> new ScoringPlan.Fund(f.name(), f.unitAmount(), f.amount())).toList());
		return new ScoringPlan.Objective(o.code(), o.title(), o.manager(), o.organisationalArea(), o.weight(),
				o.contributionWeight(), incentive, list(o.indicators()).stream().map(PlanMapper::indicator).toList());
	}

	private static IndicatorDefinition indicator(PlanEvent.Indicator i) {
		Map<String, IndicatorTarget> targets = list(i.targets()).stream().filter(t -> t.checkpoint() != null)
				.collect(Collectors.toMap(PlanEvent.Target::checkpoint,
						t -> new IndicatorTarget(t.number(), t.yes(), t.milestones(), withoutNulls(t.components()),
								t.text()),
						(a, b) -> b));
		return new IndicatorDefinition(i.code(), i.name(), MeasureKind.valueOf(i.measureKind()), direction(i.direction()),
				i.baseline(), i.weight(),
				list(i.components()).stream()
						.map(c -> new ComponentDefinition(c.code(), direction(c.direction()), c.weight())).toList(),
				list(i.milestones()).stream().map(m -> new MilestoneDefinition(m.code(), m.due())).toList(), targets);
	}

	private static Direction direction(String direction) {
		return direction == null ? Direction.HIGHER_IS_BETTER : Direction.valueOf(direction);
	}

	static <K, V> Map<K, V> withoutNulls(Map<K, V> map) {
		return map == null ? null : map.entrySet().stream().filter(e -> e.getValue() != null)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	private static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}

}
