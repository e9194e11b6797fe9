package org.cicloperformance.planservice.plan;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The content of one version of a performance plan, exactly as imported and as published in plan events.
 * The tree is nested (areas → strategic objectives → operational objectives → indicators) so that a JSON
 * pointer into an imported document names the offending field directly.
 */
public record PlanContent(
		String entity,
		String entityName,
		int year,
		String title,
		BigDecimal entityValue,
		List<Checkpoint> checkpoints,
		List<OrganisationalArea> organisationalAreas,
		List<Manager> managers,
		List<StrategicArea> strategicAreas,
		ScoringPolicy scoringPolicy,
		Signatories signatories) {

	public PlanContent {
		checkpoints = Lists.copy(checkpoints);
		organisationalAreas = Lists.copy(organisationalAreas);
		managers = Lists.copy(managers);
		strategicAreas = Lists.copy(strategicAreas);
	}

	public Stream<OperationalObjective> operationalObjectives() {
		return strategicAreas.stream()
				.flatMap(area -> area.strategicObjectives().stream())
				.flatMap(objective -> objective.operationalObjectives().stream());
	}

	public Optional<OperationalObjective> operationalObjective(String code) {
		return operationalObjectives().filter(o -> o.code().equals(code)).findFirst();
	}

	public long indicatorCount() {
		return operationalObjectives().mapToLong(o -> o.indicators().size()).sum();
	}

	public Optional<Checkpoint> finalCheckpoint() {
		return checkpoints.stream().filter(Checkpoint::isFinal).findFirst();
	}

	public PlanContent withStrategicAreas(List<StrategicArea> areas) {
		return new PlanContent(entity, entityName, year, title, entityValue, checkpoints, organisationalAreas, managers,
				areas, scoringPolicy, signatories);
	}

	public PlanContent withScoringPolicy(ScoringPolicy policy) {
		return new PlanContent(entity, entityName, year, title, entityValue, checkpoints, organisationalAreas, managers,
				strategicAreas, policy, signatories);
	}
}
