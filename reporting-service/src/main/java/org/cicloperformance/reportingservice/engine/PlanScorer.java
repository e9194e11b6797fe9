package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.cicloperformance.reportingservice.engine.NodeScore.Contribution;
import org.cicloperformance.reportingservice.engine.NodeScore.NodeKind;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Manager;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Objective;
import org.cicloperformance.reportingservice.engine.ScoringPlan.OrganisationalArea;
import org.cicloperformance.reportingservice.engine.ScoringPlan.StrategicArea;
import org.cicloperformance.reportingservice.engine.ScoringPlan.StrategicObjective;

/**
 * Scores one plan version at a checkpoint: all of it ({@link #score}) or, after one result changed, only the path
 * from that indicator to the entity plus the objective's manager and organisational area ({@link #update}). Both
 * build every node with the same functions from its children's stored scores, so they give identical scorecards.
 * Build one per plan version and reuse it: the indexes cost one pass over the plan.
 */
public final class PlanScorer {

	private final ScoringPlan plan;

	private final Map<String, Objective> objectives = new LinkedHashMap<>();

	private final Map<String, StrategicObjective> strategicObjectiveOf = new HashMap<>();

	private final Map<String, StrategicArea> strategicAreaOf = new HashMap<>();

	private final Map<ResultKey, Integer> indicatorIndex = new HashMap<>();

	private final Map<String, Integer> objectiveIndex = new HashMap<>();

	private final Map<String, Integer> strategicObjectiveIndex = new HashMap<>();

	private final Map<String, Integer> strategicAreaIndex = new HashMap<>();

	private final Map<String, Integer> managerIndex = new HashMap<>();

	private final Map<String, Integer> organisationalAreaIndex = new HashMap<>();

	public PlanScorer(ScoringPlan plan) {
		this.plan = plan;
		int indicators = 0;
		for (StrategicArea area : plan.strategicAreas()) {
			strategicAreaIndex.put(area.code(), strategicAreaIndex.size());
			for (StrategicObjective strategic : area.objectives()) {
				strategicObjectiveIndex.put(strategic.code(), strategicObjectiveIndex.size());
				strategicAreaOf.put(strategic.code(), area);
				for (Objective objective : strategic.objectives()) {
					objectiveIndex.put(objective.code(), objectiveIndex.size());
					objectives.put(objective.code(), objective);
					strategicObjectiveOf.put(objective.code(), strategic);
					for (IndicatorDefinition indicator : objective.indicators()) {
						indicatorIndex.put(new ResultKey(objective.code(), indicator.code()), indicators++);
					}
				}
			}
		}
		IntStream.range(0, plan.managers().size()).forEach(i -> managerIndex.put(plan.managers().get(i).id(), i));
		IntStream.range(0, plan.organisationalAreas().size())
				.forEach(i -> organisationalAreaIndex.put(plan.organisationalAreas().get(i).code(), i));
	}

	public ScoringPlan plan() {
		return plan;
	}

	/** Scores the whole plan at {@code checkpoint}; {@code results} holds the latest result of each indicator. */
	public Scorecard score(Checkpoint checkpoint, Map<ResultKey, IndicatorResult> results) {
		return score(checkpoint, results, Map.of());
	}

	/**
	 * Scores a closed checkpoint: {@code results} holds the result version the OIV judged for each indicator and
	 * {@code verdicts} the OIV's final verdicts (an {@code ADJUSTED} one replaces the computed achievement).
	 */
	public Scorecard score(Checkpoint checkpoint, Map<ResultKey, IndicatorResult> results,
			Map<ResultKey, OivVerdict> verdicts) {
		List<IndicatorScore> indicatorScores = new ArrayList<>();
		for (Objective objective : objectives.values()) {
			for (IndicatorDefinition indicator : objective.indicators()) {
				ResultKey key = new ResultKey(objective.code(), indicator.code());
				indicatorScores.add(indicatorScore(objective, indicator, checkpoint, results.get(key),
						verdicts.get(key)));
			}
		}
		List<NodeScore> objectiveScores = objectives.values().stream()
				.map(o -> objectiveNode(o, code -> indicatorScores.get(indicatorIndex.get(new ResultKey(o.code(), code)))))
				.toList();
		Function<String, NodeScore> objectiveScore = code -> objectiveScores.get(objectiveIndex.get(code));
		List<NodeScore> strategicScores = plan.strategicAreas().stream().flatMap(a -> a.objectives().stream())
				.map(s -> strategicObjectiveNode(s, objectiveScore)).toList();
		List<NodeScore> areaScores = plan.strategicAreas().stream()
				.map(a -> strategicAreaNode(a, code -> strategicScores.get(strategicObjectiveIndex.get(code))))
				.toList();
		NodeScore entity = entityNode(code -> areaScores.get(strategicAreaIndex.get(code)));
		List<NodeScore> managers = plan.managers().stream().map(m -> managerNode(m, objectiveScore)).toList();
		List<NodeScore> areas = plan.organisationalAreas().stream().map(a -> organisationalAreaNode(a, objectiveScore))
				.toList();
		return new Scorecard(checkpoint.id(), plan.version(), plan.policy().version(), indicatorScores,
				objectiveScores, strategicScores, areaScores, entity, managers, areas, plan.policy().smvpId(),
				plan.policy().smvpVersion());
	}

	/**
	 * Replaces the result of one indicator in {@code current} (scored with this plan version) and recomputes only
	 * the nodes above it. An indicator the plan does not have leaves the scorecard as it is.
	 */
	public Scorecard update(Scorecard current, Checkpoint checkpoint, ResultKey key, IndicatorResult result) {
		return update(current, checkpoint, Map.of(key, result));
	}

	/**
	 * Replaces the results of several indicators at once and recomputes each node above them once: the same
	 * scorecard as updating them one by one, in any order. Indicators the plan does not have are ignored; when
	 * none is left, the scorecard is returned as it is.
	 */
	public Scorecard update(Scorecard current, Checkpoint checkpoint, Map<ResultKey, IndicatorResult> results) {
		if (current.planVersion() != plan.version() || !current.checkpoint().equals(checkpoint.id())) {
			throw new IllegalArgumentException("scorecard of version " + current.planVersion() + " at "
					+ current.checkpoint() + " cannot be updated with version " + plan.version() + " at "
					+ checkpoint.id());
		}
		List<IndicatorScore> indicatorScores = new ArrayList<>(current.indicators());
		Set<String> touched = new LinkedHashSet<>();
		for (Map.Entry<ResultKey, IndicatorResult> entry : results.entrySet()) {
			Integer position = indicatorIndex.get(entry.getKey());
			if (position == null) {
				continue;
			}
			Objective objective = objectives.get(entry.getKey().objective());
			IndicatorDefinition indicator = objective.indicators().stream()
					.filter(i -> i.code().equals(entry.getKey().indicator())).findFirst().orElseThrow();
			indicatorScores.set(position, indicatorScore(objective, indicator, checkpoint, entry.getValue(), null));
			touched.add(objective.code());
		}
		if (touched.isEmpty()) {
			return current;
		}

		List<NodeScore> objectiveScores = new ArrayList<>(current.objectives());
		for (String touchedCode : touched) {
			Objective objective = objectives.get(touchedCode);
			objectiveScores.set(objectiveIndex.get(touchedCode), objectiveNode(objective,
					code -> indicatorScores.get(indicatorIndex.get(new ResultKey(objective.code(), code)))));
		}
		Function<String, NodeScore> objectiveScore = code -> objectiveScores.get(objectiveIndex.get(code));

		Map<String, StrategicObjective> strategics = new LinkedHashMap<>();
		touched.forEach(code -> {
			StrategicObjective strategic = strategicObjectiveOf.get(code);
			strategics.put(strategic.code(), strategic);
		});
		List<NodeScore> strategicScores = new ArrayList<>(current.strategicObjectives());
		for (StrategicObjective strategic : strategics.values()) {
			strategicScores.set(strategicObjectiveIndex.get(strategic.code()),
					strategicObjectiveNode(strategic, objectiveScore));
		}

		Map<String, StrategicArea> areasTouched = new LinkedHashMap<>();
		strategics.keySet().forEach(code -> {
			StrategicArea area = strategicAreaOf.get(code);
			areasTouched.put(area.code(), area);
		});
		List<NodeScore> areaScores = new ArrayList<>(current.strategicAreas());
		for (StrategicArea area : areasTouched.values()) {
			areaScores.set(strategicAreaIndex.get(area.code()),
					strategicAreaNode(area, code -> strategicScores.get(strategicObjectiveIndex.get(code))));
		}
		NodeScore entity = entityNode(code -> areaScores.get(strategicAreaIndex.get(code)));

		List<NodeScore> managers = new ArrayList<>(current.managers());
		List<NodeScore> areas = new ArrayList<>(current.organisationalAreas());
		Set<Integer> managersTouched = new LinkedHashSet<>();
		Set<Integer> organisationalAreasTouched = new LinkedHashSet<>();
		for (String code : touched) {
			Objective objective = objectives.get(code);
			Integer managerPosition = managerIndex.get(objective.manager());
			if (managerPosition != null) {
				managersTouched.add(managerPosition);
			}
			Integer areaPosition = organisationalAreaIndex.get(objective.organisationalArea());
			if (areaPosition != null) {
				organisationalAreasTouched.add(areaPosition);
			}
		}
		managersTouched.forEach(position -> managers.set(position,
				managerNode(plan.managers().get(position), objectiveScore)));
		organisationalAreasTouched.forEach(position -> areas.set(position,
				organisationalAreaNode(plan.organisationalAreas().get(position), objectiveScore)));
		return new Scorecard(current.checkpoint(), current.planVersion(), current.policyVersion(), indicatorScores,
				objectiveScores, strategicScores, areaScores, entity, managers, areas, current.smvpId(),
				current.smvpVersion());
	}

	private IndicatorScore indicatorScore(Objective objective, IndicatorDefinition indicator, Checkpoint checkpoint,
			IndicatorResult result, OivVerdict verdict) {
		Achievement achievement = AchievementCalculator.achievement(indicator, checkpoint, result, plan.policy(),
				verdict);
		return new IndicatorScore(objective.code(), indicator.code(), indicator.name(), indicator.kind(),
				indicator.direction(), indicator.weight(), indicator.target(checkpoint.id()).orElse(null), result,
				achievement);
	}

	private NodeScore objectiveNode(Objective objective, Function<String, IndicatorScore> indicatorScore) {
		List<BigDecimal> weights = weights(objective.indicators().stream().map(IndicatorDefinition::weight).toList());
		List<Contribution> children = new ArrayList<>();
		for (int i = 0; i < objective.indicators().size(); i++) {
			Achievement achievement = indicatorScore.apply(objective.indicators().get(i).code()).achievement();
			children.add(new Contribution(objective.indicators().get(i).code(), weights.get(i), achievement.value(),
					achievement.counts() ? BigDecimal.ONE : BigDecimal.ZERO));
		}
		return RollUp.of(NodeKind.OBJECTIVE, objective.code(), objective.title(),
				basis(objective.indicators().stream().map(IndicatorDefinition::weight).toList(), "pesi degli indicatori"),
				children);
	}

	/**
	 * The policy's roll-up: {@code EQUAL} weighs the operational objectives by their {@code contributionWeight}
	 * (equally when the plan does not give one to every objective), {@code BY_MANAGER_WEIGHT} by their weight in
	 * their manager's set.
	 */
	private NodeScore strategicObjectiveNode(StrategicObjective strategic, Function<String, NodeScore> objectiveScore) {
		boolean byManager = plan.policy().rollUp() == Policy.RollUpWeights.BY_MANAGER_WEIGHT;
		List<BigDecimal> given = strategic.objectives().stream()
				.map(byManager ? Objective::weight : Objective::contributionWeight).toList();
		return RollUp.of(NodeKind.STRATEGIC_OBJECTIVE, strategic.code(), strategic.name(),
				basis(given, byManager ? "pesi degli obiettivi del dirigente" : "pesi di contributo"),
				contributions(strategic.objectives().stream().map(Objective::code).toList(), weights(given),
						objectiveScore));
	}

	private NodeScore strategicAreaNode(StrategicArea area, Function<String, NodeScore> strategicScore) {
		List<BigDecimal> given = area.objectives().stream().map(StrategicObjective::value).toList();
		return RollUp.of(NodeKind.STRATEGIC_AREA, area.code(), area.name(), basis(given, "valori degli obiettivi strategici"),
				contributions(area.objectives().stream().map(StrategicObjective::code).toList(), weights(given),
						strategicScore));
	}

	private NodeScore entityNode(Function<String, NodeScore> areaScore) {
		List<BigDecimal> given = plan.strategicAreas().stream().map(StrategicArea::value).toList();
		return RollUp.of(NodeKind.ENTITY, plan.entity(), plan.entityName(), basis(given, "valori delle aree strategiche"),
				contributions(plan.strategicAreas().stream().map(StrategicArea::code).toList(), weights(given),
						areaScore));
	}

	private NodeScore managerNode(Manager manager, Function<String, NodeScore> objectiveScore) {
		List<Objective> own = objectives.values().stream().filter(o -> manager.id().equals(o.manager())).toList();
		List<BigDecimal> given = own.stream().map(Objective::weight).toList();
		return RollUp.of(NodeKind.MANAGER, manager.id(), manager.name(), basis(given, "pesi degli obiettivi del dirigente"),
				contributions(own.stream().map(Objective::code).toList(), weights(given), objectiveScore));
	}

	private NodeScore organisationalAreaNode(OrganisationalArea area, Function<String, NodeScore> objectiveScore) {
		List<Objective> own = objectives.values().stream().filter(o -> area.code().equals(o.organisationalArea()))
				.toList();
		List<BigDecimal> given = own.stream().map(Objective::weight).toList();
		return RollUp.of(NodeKind.ORGANISATIONAL_AREA, area.code(), area.name(),
				basis(given, "pesi degli obiettivi del dirigente"),
				contributions(own.stream().map(Objective::code).toList(), weights(given), objectiveScore));
	}

	private static List<Contribution> contributions(List<String> codes, List<BigDecimal> weights,
			Function<String, NodeScore> score) {
		List<Contribution> children = new ArrayList<>();
		for (int i = 0; i < codes.size(); i++) {
			NodeScore child = score.apply(codes.get(i));
			children.add(new Contribution(codes.get(i), weights.get(i), child.score(), child.coverage()));
		}
		return children;
	}

	/** The plan's weights when it gives all of them, otherwise equal weights. */
	private static List<BigDecimal> weights(List<BigDecimal> given) {
		return given.stream().allMatch(w -> w != null) ? given
				: given.stream().map(w -> BigDecimal.ONE).toList();
	}

	private static String basis(List<BigDecimal> given, String what) {
		return given.stream().allMatch(w -> w != null) ? what : "pesi uguali";
	}
}
