package org.cicloperformance.reportingservice.engine;

import java.util.List;
import java.util.Optional;

/**
 * Every score of a plan at a checkpoint, in plan order: indicators and all the aggregates. {@code smvpId} and
 * {@code smvpVersion} name the SMVP version whose policy produced them (null when the plan embeds its own policy;
 * {@code policyVersion} is then the plan policy's version).
 */
public record Scorecard(String checkpoint, int planVersion, int policyVersion, List<IndicatorScore> indicators,
		List<NodeScore> objectives, List<NodeScore> strategicObjectives, List<NodeScore> strategicAreas,
		NodeScore entity, List<NodeScore> managers, List<NodeScore> organisationalAreas, String smvpId,
		Integer smvpVersion) {

	public Scorecard {
		indicators = List.copyOf(indicators);
		objectives = List.copyOf(objectives);
		strategicObjectives = List.copyOf(strategicObjectives);
		strategicAreas = List.copyOf(strategicAreas);
		managers = List.copyOf(managers);
		organisationalAreas = List.copyOf(organisationalAreas);
	}

	public Optional<IndicatorScore> indicator(String objective, String indicator) {
		return indicators.stream().filter(i -> i.objective().equals(objective) && i.indicator().equals(indicator))
				.findFirst();
	}

	public Optional<NodeScore> objective(String code) {
		return find(objectives, code);
	}

	public Optional<NodeScore> strategicObjective(String code) {
		return find(strategicObjectives, code);
	}

	public Optional<NodeScore> strategicArea(String code) {
		return find(strategicAreas, code);
	}

	public Optional<NodeScore> manager(String id) {
		return find(managers, id);
	}

	public Optional<NodeScore> organisationalArea(String code) {
		return find(organisationalAreas, code);
	}

	private static Optional<NodeScore> find(List<NodeScore> nodes, String code) {
		return nodes.stream().filter(n -> n.code().equals(code)).findFirst();
	}
}
