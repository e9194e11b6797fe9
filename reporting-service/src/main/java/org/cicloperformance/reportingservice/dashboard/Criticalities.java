package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.cicloperformance.reportingservice.dashboard.Pages.Critical;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;

/**
 * The "Criticità" block: the objectives and indicators whose light is red or amber at the checkpoint, worst first,
 * so that a director sees what is off track without reading every table. Nothing to be measured is listed (it has
 * no score yet).
 */
final class Criticalities {

	private static final Comparator<Critical> WORST_FIRST = Comparator.comparing(Critical::score)
			.thenComparing(c -> c.kindKey().equals("node.OBJECTIVE") ? 0 : 1).thenComparing(Critical::code);

	private Criticalities() {
	}

	/** The critical objectives ({@code objectives} says which count) and their indicators. */
	static List<Critical> of(Scored scored, Predicate<String> objectives) {
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		Map<String, String> shortTitles = PlanContents.shortTitles(scored.content());
		List<Critical> critical = new ArrayList<>();
		for (NodeScore objective : scored.document().scorecard().objectives()) {
			TrafficLight light = scored.light(objective);
			if (objectives.test(objective.code()) && light.critical()) {
				critical.add(new Critical("node.OBJECTIVE", objective.code(),
						shortTitles.getOrDefault(objective.code(), objective.name()),
						Links.objective(planId, objective.code(), checkpoint), objective.score(), light));
			}
		}
		for (IndicatorScore indicator : scored.document().scorecard().indicators()) {
			BigDecimal value = indicator.achievement().value();
			TrafficLight light = scored.light(value);
			if (objectives.test(indicator.objective()) && light.critical()
					&& !ToMeasure.indicator(scored.document(), indicator)) {
				critical.add(new Critical("indicator.kind", indicator.objective() + "/" + indicator.indicator(),
						indicator.name(),
						Links.indicator(planId, indicator.objective(), indicator.indicator(), checkpoint), value,
						light));
			}
		}
		critical.sort(WORST_FIRST);
		return critical;
	}
}
