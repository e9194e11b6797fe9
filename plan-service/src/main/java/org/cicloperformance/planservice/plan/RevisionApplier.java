package org.cicloperformance.planservice.plan;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Applies a revision's changes to a version's content, giving the next version's content. A change that names
 * something the plan does not have is a violation with a pointer into the revision document; the caller then
 * validates the resulting plan as a whole (weights still summing to 100 and so on).
 */
public final class RevisionApplier {

	public record Outcome(PlanContent content, List<Violation> violations) {
	}

	public Outcome apply(PlanContent base, Revision revision) {
		var violations = new ArrayList<Violation>();
		checkHeader(base, revision, violations);
		var content = base;
		for (int i = 0; i < revision.changes().size(); i++) {
			var change = revision.changes().get(i);
			var pointer = "/changes/" + i;
			var next = applyOne(content, change, pointer, violations);
			if (next.isPresent()) {
				content = next.get();
			}
		}
		return new Outcome(content, violations);
	}

	private void checkHeader(PlanContent base, Revision revision, List<Violation> violations) {
		if (revision.reason() == null || revision.reason().isBlank()) {
			violations.add(Violation.of("/reason", "required"));
		}
		if (revision.act() == null || revision.act().number() == null || revision.act().date() == null) {
			violations.add(Violation.of("/act", "revision.act"));
		}
		if (revision.appliesTo().isEmpty()) {
			violations.add(Violation.of("/appliesTo", "revision.appliesTo"));
		}
		for (int i = 0; i < revision.appliesTo().size(); i++) {
			var checkpoint = revision.appliesTo().get(i);
			if (base.checkpoints().stream().noneMatch(c -> c.id().equals(checkpoint))) {
				violations.add(Violation.of("/appliesTo/" + i, "checkpoint.unknown", checkpoint));
			}
		}
		if (revision.changes().isEmpty()) {
			violations.add(Violation.of("/changes", "revision.noChanges"));
		}
	}

	private Optional<PlanContent> applyOne(PlanContent content, PlanChange change, String pointer,
			List<Violation> violations) {
		if (change.type() == null) {
			violations.add(Violation.of(pointer + "/type", "required"));
			return Optional.empty();
		}
		if (change.type() == PlanChange.Type.SCORING_POLICY_CHANGED) {
			violations.add(Violation.of(pointer + "/type", "revision.policyViaSmvp"));
			return Optional.empty();
		}
		if (content.operationalObjective(change.objective()).isEmpty()) {
			violations.add(Violation.of(pointer + "/objective", "objective.unknown", String.valueOf(change.objective())));
			return Optional.empty();
		}
		return switch (change.type()) {
			case OBJECTIVE_WEIGHT_CHANGED -> required(change.weight(), pointer + "/weight", violations)
				.map(weight -> withObjective(content, change.objective(), o -> o.withWeight(weight)));
			case INDICATOR_ADDED -> addIndicator(content, change, pointer, violations);
			case INDICATOR_WITHDRAWN -> existingIndicator(content, change, pointer, violations)
				.map(found -> withIndicators(content, change.objective(),
						indicators -> without(indicators, change.indicator())));
			case INDICATOR_WEIGHT_CHANGED -> existingIndicator(content, change, pointer, violations)
				.flatMap(found -> required(change.weight(), pointer + "/weight", violations))
				.map(weight -> withIndicator(content, change, i -> i.withWeight(weight)));
			case TARGET_CHANGED -> existingIndicator(content, change, pointer, violations)
				.flatMap(found -> required(change.target(), pointer + "/target", violations))
				.map(target -> withIndicator(content, change, i -> i.withTargets(replaceTarget(i.targets(), target))));
			case SCORING_POLICY_CHANGED -> Optional.empty();
		};
	}

	private Optional<PlanContent> addIndicator(PlanContent content, PlanChange change, String pointer,
			List<Violation> violations) {
		var definition = change.indicatorDefinition();
		if (definition == null || definition.code() == null) {
			violations.add(Violation.of(pointer + "/indicatorDefinition", "required"));
			return Optional.empty();
		}
		var objective = content.operationalObjective(change.objective()).orElseThrow();
		if (objective.indicator(definition.code()).isPresent()) {
			violations.add(Violation.of(pointer + "/indicatorDefinition/code", "duplicate", definition.code()));
			return Optional.empty();
		}
		return Optional.of(withIndicators(content, change.objective(), indicators -> {
			var list = new ArrayList<>(indicators);
			list.add(definition);
			return list;
		}));
	}

	private Optional<Indicator> existingIndicator(PlanContent content, PlanChange change, String pointer,
			List<Violation> violations) {
		var found = content.operationalObjective(change.objective()).flatMap(o -> o.indicator(change.indicator()));
		if (found.isEmpty()) {
			violations.add(Violation.of(pointer + "/indicator", "indicator.unknown", change.objective(),
					String.valueOf(change.indicator())));
		}
		return found;
	}

	private static <T> Optional<T> required(T value, String pointer, List<Violation> violations) {
		if (value == null) {
			violations.add(Violation.of(pointer, "required"));
		}
		return Optional.ofNullable(value);
	}

	private static List<Target> replaceTarget(List<Target> targets, Target target) {
		var list = new ArrayList<Target>();
		boolean replaced = false;
		for (var existing : targets) {
			if (existing.checkpoint() != null && existing.checkpoint().equals(target.checkpoint())) {
				list.add(target);
				replaced = true;
			}
			else {
				list.add(existing);
			}
		}
		if (!replaced) {
			list.add(target);
		}
		return list;
	}

	private static List<Indicator> without(List<Indicator> indicators, String code) {
		return indicators.stream().filter(i -> !i.code().equals(code)).toList();
	}

	private static PlanContent withIndicator(PlanContent content, PlanChange change, UnaryOperator<Indicator> edit) {
		return withIndicators(content, change.objective(), indicators -> indicators.stream()
			.map(i -> i.code().equals(change.indicator()) ? edit.apply(i) : i)
			.toList());
	}

	private static PlanContent withIndicators(PlanContent content, String objectiveCode,
			UnaryOperator<List<Indicator>> edit) {
		return withObjective(content, objectiveCode, o -> o.withIndicators(edit.apply(o.indicators())));
	}

	private static PlanContent withObjective(PlanContent content, String objectiveCode,
			UnaryOperator<OperationalObjective> edit) {
		var areas = content.strategicAreas().stream()
			.map(area -> new StrategicArea(area.code(), area.name(), area.value(), area.strategicObjectives()
				.stream()
				.map(strategic -> strategic.withOperationalObjectives(strategic.operationalObjectives()
					.stream()
					.map(o -> o.code().equals(objectiveCode) ? edit.apply(o) : o)
					.toList()))
				.toList()))
			.toList();
		return content.withStrategicAreas(areas);
	}
}
