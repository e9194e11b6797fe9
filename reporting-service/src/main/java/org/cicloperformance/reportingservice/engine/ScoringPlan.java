package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/** What the engine needs of one plan version: the tree, the managers, the areas and the policy. */
public record ScoringPlan(String planId, int version, String entity, String entityName, Policy policy,
		List<Checkpoint> checkpoints, List<StrategicArea> strategicAreas, List<Manager> managers,
		List<OrganisationalArea> organisationalAreas) {

	public ScoringPlan {
		policy = policy == null ? Policy.defaults() : policy;
		checkpoints = checkpoints == null ? List.of() : List.copyOf(checkpoints);
		strategicAreas = strategicAreas == null ? List.of() : List.copyOf(strategicAreas);
		managers = managers == null ? List.of() : List.copyOf(managers);
		organisationalAreas = organisationalAreas == null ? List.of() : List.copyOf(organisationalAreas);
	}

	public record StrategicArea(String code, String name, BigDecimal value, List<StrategicObjective> objectives) {

		public StrategicArea {
			objectives = objectives == null ? List.of() : List.copyOf(objectives);
		}
	}

	public record StrategicObjective(String code, String name, BigDecimal value, List<Objective> objectives) {

		public StrategicObjective {
			objectives = objectives == null ? List.of() : List.copyOf(objectives);
		}
	}

	/**
	 * An operational objective: {@code weight} in its manager's set, {@code contributionWeight} (optional) in its
	 * strategic objective.
	 */
	public record Objective(String code, String title, String manager, String organisationalArea, BigDecimal weight,
			BigDecimal contributionWeight, Incentive incentive, List<IndicatorDefinition> indicators) {

		public Objective {
			indicators = indicators == null ? List.of() : List.copyOf(indicators);
		}
	}

	public record Manager(String id, String name, String organisationalArea) {
	}

	public record OrganisationalArea(String code, String name) {
	}

	/** The incentive block of an objective: a coefficient times each fund's unit amount. */
	public record Incentive(BigDecimal coefficient, String purpose, List<Fund> funds) {

		public Incentive {
			funds = funds == null ? List.of() : List.copyOf(funds);
		}
	}

	public record Fund(String name, BigDecimal unitAmount, BigDecimal amount) {
	}

	public Optional<Checkpoint> checkpoint(String id) {
		return checkpoints.stream().filter(c -> c.id().equals(id)).findFirst();
	}

	public List<Objective> objectives() {
		return strategicAreas.stream().flatMap(a -> a.objectives().stream()).flatMap(s -> s.objectives().stream())
				.toList();
	}
}
