package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a plan's content and lists every violation, each with a JSON pointer into the plan document. Plain Java:
 * it is the rulebook of what a valid plan is, tested as a table.
 */
public final class PlanValidator {

	/** 33.33 + 33.33 + 33.34 = 100: sums are compared within this tolerance. */
	static final BigDecimal TOLERANCE = new BigDecimal("0.01");

	static final BigDecimal HUNDRED = new BigDecimal("100");

	static final int MAX_NAME_LENGTH = 200;

	public List<Violation> validate(PlanContent plan) {
		var violations = new ArrayList<Violation>();
		if (plan == null) {
			violations.add(Violation.of("", "required"));
			return violations;
		}
		new Run(plan, violations).check();
		return violations;
	}

	private static final class Run {

		private final PlanContent plan;

		private final List<Violation> out;

		private final Set<String> checkpointIds = new HashSet<>();

		private final Set<String> managerIds = new HashSet<>();

		private final Set<String> areaCodes = new HashSet<>();

		private final Map<String, BigDecimal> weightByManager = new LinkedHashMap<>();

		private final Map<String, String> firstObjectivePointerByManager = new LinkedHashMap<>();

		Run(PlanContent plan, List<Violation> out) {
			this.plan = plan;
			this.out = out;
		}

		void check() {
			requireText("/entity", plan.entity());
			if (plan.year() < 2000 || plan.year() > 2100) {
				out.add(Violation.of("/year", "year.range", plan.year()));
			}
			checkCheckpoints();
			checkOrganisationalAreas();
			checkManagers();
			checkTree();
			checkManagerWeights();
			checkPolicy();
			checkSignatories();
		}

		private void checkSignatories() {
			var signatories = plan.signatories();
			if (signatories == null) {
				return;
			}
			shortText("/signatories/place", signatories.place());
			shortText("/signatories/oiv", signatories.oiv());
			shortText("/signatories/secretaryGeneral", signatories.secretaryGeneral());
			shortText("/signatories/president", signatories.president());
		}

		private void shortText(String pointer, String value) {
			if (value != null && value.length() > MAX_NAME_LENGTH) {
				out.add(Violation.of(pointer, "text.tooLong", MAX_NAME_LENGTH));
			}
		}

		private void checkCheckpoints() {
			if (plan.checkpoints().isEmpty()) {
				out.add(Violation.of("/checkpoints", "checkpoints.empty"));
				return;
			}
			unique("/checkpoints", plan.checkpoints(), Checkpoint::id, "id");
			for (int i = 0; i < plan.checkpoints().size(); i++) {
				var checkpoint = plan.checkpoints().get(i);
				requireText("/checkpoints/" + i + "/id", checkpoint.id());
				if (checkpoint.date() == null) {
					out.add(Violation.of("/checkpoints/" + i + "/date", "required"));
				}
				checkpointIds.add(checkpoint.id());
			}
			long finals = plan.checkpoints().stream().filter(Checkpoint::isFinal).count();
			if (finals != 1) {
				out.add(Violation.of("/checkpoints", "checkpoints.final", finals));
			}
			else if (!plan.checkpoints().get(plan.checkpoints().size() - 1).isFinal()) {
				out.add(Violation.of("/checkpoints", "checkpoints.finalLast"));
			}
		}

		private void checkOrganisationalAreas() {
			unique("/organisationalAreas", plan.organisationalAreas(), OrganisationalArea::code, "code");
			plan.organisationalAreas().forEach(a -> areaCodes.add(a.code()));
		}

		private void checkManagers() {
			if (plan.managers().isEmpty()) {
				out.add(Violation.of("/managers", "managers.empty"));
			}
			unique("/managers", plan.managers(), Manager::id, "id");
			for (int i = 0; i < plan.managers().size(); i++) {
				var manager = plan.managers().get(i);
				requireText("/managers/" + i + "/id", manager.id());
				requireText("/managers/" + i + "/name", manager.name());
				knownArea("/managers/" + i + "/organisationalArea", manager.organisationalArea());
				managerIds.add(manager.id());
			}
		}

		private void checkTree() {
			if (plan.strategicAreas().isEmpty()) {
				out.add(Violation.of("/strategicAreas", "strategicAreas.empty"));
				return;
			}
			var total = plan.entityValue() == null ? HUNDRED : plan.entityValue();
			unique("/strategicAreas", plan.strategicAreas(), StrategicArea::code, "code");
			sum("/strategicAreas", plan.strategicAreas(), StrategicArea::value, total, "sum.strategicAreas");
			var objectiveCodes = new HashSet<String>();
			var strategicCodes = new HashSet<String>();
			for (int a = 0; a < plan.strategicAreas().size(); a++) {
				var area = plan.strategicAreas().get(a);
				var areaPointer = "/strategicAreas/" + a;
				requireText(areaPointer + "/code", area.code());
				requireText(areaPointer + "/name", area.name());
				positive(areaPointer + "/value", area.value());
				if (area.strategicObjectives().isEmpty()) {
					out.add(Violation.of(areaPointer + "/strategicObjectives", "strategicObjectives.empty"));
					continue;
				}
				if (area.value() != null) {
					sum(areaPointer + "/strategicObjectives", area.strategicObjectives(), StrategicObjective::value,
							area.value(), "sum.strategicObjectives");
				}
				for (int s = 0; s < area.strategicObjectives().size(); s++) {
					var strategic = area.strategicObjectives().get(s);
					var strategicPointer = areaPointer + "/strategicObjectives/" + s;
					requireText(strategicPointer + "/code", strategic.code());
					if (strategic.code() != null && !strategicCodes.add(strategic.code())) {
						out.add(Violation.of(strategicPointer + "/code", "duplicate", strategic.code()));
					}
					positive(strategicPointer + "/value", strategic.value());
					checkOperationalObjectives(strategicPointer, strategic, objectiveCodes);
				}
			}
		}

		private void checkOperationalObjectives(String strategicPointer, StrategicObjective strategic,
				Set<String> objectiveCodes) {
			var objectives = strategic.operationalObjectives();
			if (objectives.isEmpty()) {
				out.add(Violation.of(strategicPointer + "/operationalObjectives", "operationalObjectives.empty"));
				return;
			}
			long withContribution = objectives.stream().filter(o -> o.contributionWeight() != null).count();
			if (withContribution > 0 && withContribution < objectives.size()) {
				out.add(Violation.of(strategicPointer + "/operationalObjectives", "contributionWeight.partial"));
			}
			else if (withContribution > 0) {
				sum(strategicPointer + "/operationalObjectives", objectives, OperationalObjective::contributionWeight,
						HUNDRED, "sum.contributionWeights");
			}
			for (int o = 0; o < objectives.size(); o++) {
				var objective = objectives.get(o);
				var pointer = strategicPointer + "/operationalObjectives/" + o;
				requireText(pointer + "/code", objective.code());
				requireText(pointer + "/title", objective.title());
				if (objective.code() != null && !objectiveCodes.add(objective.code())) {
					out.add(Violation.of(pointer + "/code", "duplicate", objective.code()));
				}
				knownArea(pointer + "/organisationalArea", objective.organisationalArea());
				if (objective.manager() == null || !managerIds.contains(objective.manager())) {
					out.add(Violation.of(pointer + "/manager", "manager.unknown", String.valueOf(objective.manager())));
				}
				else if (objective.weight() != null) {
					weightByManager.merge(objective.manager(), objective.weight(), BigDecimal::add);
					firstObjectivePointerByManager.putIfAbsent(objective.manager(), pointer + "/weight");
				}
				positive(pointer + "/weight", objective.weight());
				if (!objective.strategicScopes().isEmpty()) {
					sum(pointer + "/strategicScopes", objective.strategicScopes(), StrategicScope::weight, HUNDRED,
							"sum.strategicScopes");
				}
				checkIndicators(pointer, objective);
			}
		}

		private void checkIndicators(String objectivePointer, OperationalObjective objective) {
			var indicators = objective.indicators();
			if (indicators.isEmpty()) {
				out.add(Violation.of(objectivePointer + "/indicators", "indicators.empty"));
				return;
			}
			unique(objectivePointer + "/indicators", indicators, Indicator::code, "code");
			sum(objectivePointer + "/indicators", indicators, Indicator::weight, HUNDRED, "sum.indicators");
			for (int i = 0; i < indicators.size(); i++) {
				checkIndicator(objectivePointer + "/indicators/" + i, indicators.get(i));
			}
		}

		private void checkIndicator(String pointer, Indicator indicator) {
			requireText(pointer + "/code", indicator.code());
			requireText(pointer + "/name", indicator.name());
			positive(pointer + "/weight", indicator.weight());
			if (indicator.measureKind() == null) {
				out.add(Violation.of(pointer + "/measureKind", "required"));
				return;
			}
			if (indicator.measureKind() == MeasureKind.COMPOUND) {
				if (indicator.components().size() < 2) {
					out.add(Violation.of(pointer + "/components", "components.tooFew"));
				}
				unique(pointer + "/components", indicator.components(), Component::code, "code");
				if (indicator.components().stream().anyMatch(c -> c.weight() != null)) {
					sum(pointer + "/components", indicator.components(), Component::weight, HUNDRED,
							"sum.components");
				}
			}
			if (indicator.measureKind() == MeasureKind.MILESTONE) {
				if (indicator.milestones().isEmpty()) {
					out.add(Violation.of(pointer + "/milestones", "milestones.empty"));
				}
				unique(pointer + "/milestones", indicator.milestones(), Milestone::code, "code");
				for (int m = 0; m < indicator.milestones().size(); m++) {
					if (indicator.milestones().get(m).due() == null) {
						out.add(Violation.of(pointer + "/milestones/" + m + "/due", "required"));
					}
				}
			}
			unique(pointer + "/targets", indicator.targets(), Target::checkpoint, "checkpoint");
			for (int t = 0; t < indicator.targets().size(); t++) {
				var target = indicator.targets().get(t);
				var targetPointer = pointer + "/targets/" + t;
				if (target.checkpoint() == null || !checkpointIds.contains(target.checkpoint())) {
					out.add(Violation.of(targetPointer + "/checkpoint", "checkpoint.unknown",
							String.valueOf(target.checkpoint())));
				}
				boolean atFinal = plan.finalCheckpoint().map(c -> c.id().equals(target.checkpoint())).orElse(false);
				new TargetShape(indicator, target, targetPointer, atFinal, out).check();
			}
			plan.finalCheckpoint().ifPresent(last -> {
				if (indicator.target(last.id()).isEmpty()) {
					out.add(Violation.of(pointer + "/targets", "target.finalMissing", last.id()));
				}
			});
		}

		private void checkManagerWeights() {
			for (var manager : plan.managers()) {
				var total = weightByManager.get(manager.id());
				if (total == null) {
					out.add(Violation.of("/managers/" + plan.managers().indexOf(manager), "manager.noObjectives",
							manager.id()));
				}
				else if (total.subtract(HUNDRED).abs().compareTo(TOLERANCE) > 0) {
					out.add(Violation.of(firstObjectivePointerByManager.get(manager.id()), "sum.managerWeights",
							manager.id(), total.stripTrailingZeros().toPlainString()));
				}
			}
		}

		private void checkPolicy() {
			var policy = plan.scoringPolicy();
			if (policy == null) {
				return;
			}
			if (policy.cap() != null && policy.cap().signum() <= 0) {
				out.add(Violation.of("/scoringPolicy/cap", "positive"));
			}
			if (policy.floor() != null && policy.floor().signum() < 0) {
				out.add(Violation.of("/scoringPolicy/floor", "notNegative"));
			}
			if (policy.cap() != null && policy.floor() != null && policy.floor().compareTo(policy.cap()) > 0) {
				out.add(Violation.of("/scoringPolicy/floor", "policy.floorAboveCap"));
			}
			if (policy.amberFrom() != null && policy.greenFrom() != null
					&& policy.amberFrom().compareTo(policy.greenFrom()) > 0) {
				out.add(Violation.of("/scoringPolicy/amberFrom", "policy.amberAboveGreen"));
			}
			var bands = policy.incentiveBands() == null ? List.<ScoringPolicy.IncentiveBand>of() : policy.incentiveBands();
			for (int b = 0; b < bands.size(); b++) {
				var band = bands.get(b);
				if (band.from() == null || band.payout() == null) {
					out.add(Violation.of("/scoringPolicy/incentiveBands/" + b, "policy.band"));
				}
				else if (b > 0 && bands.get(b - 1).to() != null && bands.get(b - 1).to().compareTo(band.from()) != 0) {
					out.add(Violation.of("/scoringPolicy/incentiveBands/" + b + "/from", "policy.bandGap"));
				}
			}
		}

		private void knownArea(String pointer, String code) {
			if (!areaCodes.isEmpty() && code != null && !areaCodes.contains(code)) {
				out.add(Violation.of(pointer, "organisationalArea.unknown", code));
			}
		}

		private void requireText(String pointer, String value) {
			if (value == null || value.isBlank()) {
				out.add(Violation.of(pointer, "required"));
			}
		}

		private void positive(String pointer, BigDecimal value) {
			if (value == null) {
				out.add(Violation.of(pointer, "required"));
			}
			else if (value.signum() <= 0) {
				out.add(Violation.of(pointer, "positive"));
			}
		}

		private <T> void unique(String pointer, Collection<T> items, Function<T, String> key, String field) {
			var seen = new HashSet<String>();
			int index = 0;
			for (T item : items) {
				var value = key.apply(item);
				if (value != null && !seen.add(value)) {
					out.add(Violation.of(pointer + "/" + index + "/" + field, "duplicate", value));
				}
				index++;
			}
		}

		private <T> void sum(String pointer, List<T> items, Function<T, BigDecimal> value, BigDecimal expected,
				String code) {
			var total = items.stream().map(value).filter(Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add);
			if (total.subtract(expected).abs().compareTo(TOLERANCE) > 0) {
				out.add(Violation.of(pointer, code, total.stripTrailingZeros().toPlainString(),
						expected.stripTrailingZeros().toPlainString()));
			}
		}
	}
}
