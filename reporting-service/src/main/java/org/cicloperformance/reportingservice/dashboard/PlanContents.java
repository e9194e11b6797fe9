package org.cicloperformance.reportingservice.dashboard;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.plan.PlanEvent;

/** Look-ups in a plan's content and its scoring plan, tolerant of the gaps a plan event may have. */
final class PlanContents {

	private PlanContents() {
	}

	static Optional<PlanEvent.Indicator> indicator(PlanEvent.Content content, String objective, String indicator) {
		return operationalObjectives(content).filter(o -> objective.equals(o.code()))
				.flatMap(o -> o.indicators() == null ? Stream.empty() : o.indicators().stream())
				.filter(i -> i != null && indicator.equals(i.code())).findFirst();
	}

	static Stream<PlanEvent.OperationalObjective> operationalObjectives(PlanEvent.Content content) {
		return (content.strategicAreas() == null ? List.<PlanEvent.StrategicArea>of() : content.strategicAreas())
				.stream().filter(Objects::nonNull)
				.flatMap(a -> a.strategicObjectives() == null ? Stream.empty() : a.strategicObjectives().stream())
				.filter(Objects::nonNull)
				.flatMap(s -> s.operationalObjectives() == null ? Stream.empty() : s.operationalObjectives().stream())
				.filter(Objects::nonNull);
	}

	static String unit(PlanEvent.Content content, String objective, String indicator) {
		return indicator(content, objective, indicator).map(PlanEvent.Indicator::unit).orElse(null);
	}

	/** Objective code → its short title (the title when the plan gives none). */
	static Map<String, String> shortTitles(PlanEvent.Content content) {
		Map<String, String> titles = new HashMap<>();
		operationalObjectives(content).forEach(o -> titles.put(o.code(),
				o.shortTitle() != null && !o.shortTitle().isBlank() ? o.shortTitle() : o.title()));
		return titles;
	}

	static Map<String, ScoringPlan.Objective> objectives(ScoringPlan plan) {
		return plan.objectives().stream()
				.collect(Collectors.toMap(ScoringPlan.Objective::code, Function.identity(), (a, b) -> a));
	}

	static String areaName(ScoringPlan plan, String code) {
		return plan.organisationalAreas().stream().filter(a -> a.code().equals(code))
				.map(ScoringPlan.OrganisationalArea::name).findFirst().orElse(code);
	}

	static Map<String, NodeScore> byCode(List<NodeScore> nodes) {
		return nodes.stream().collect(Collectors.toMap(NodeScore::code, Function.identity(), (a, b) -> a));
	}

	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}
}
