package org.cicloperformance.reportingservice.score;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.result.ResultEvent;

/** What each result event of a batch did to its score document. */
final class Outcomes {

	private Outcomes() {
	}

	/**
	 * What each event of a group did: {@code SCORED} when the document now uses its result version and did not
	 * before (the first copy of it in the group), {@code UNCHANGED} otherwise, {@code NOT_IN_PLAN} for an indicator
	 * the version in force does not have.
	 */
	static List<Outcome> of(List<ResultEvent> group, Scorecard before, Scorecard after) {
		List<Outcome> outcomes = new ArrayList<>(group.size());
		Set<String> counted = new HashSet<>();
		Map<String, Integer> usedBefore = new HashMap<>();
		if (before != null && before.planVersion() == after.planVersion()) {
			before.indicators().forEach(i -> usedBefore.put(i.objective() + "#" + i.indicator(),
					i.result() == null ? 0 : i.result().resultVersion()));
		}
		Map<String, IndicatorScore> now = new HashMap<>();
		after.indicators().forEach(i -> now.put(i.objective() + "#" + i.indicator(), i));
		for (ResultEvent event : group) {
			String indicator = event.objective() + "#" + event.indicator();
			IndicatorScore score = now.get(indicator);
			if (score == null) {
				outcomes.add(Outcome.NOT_IN_PLAN);
				continue;
			}
			int version = event.resultVersion();
			boolean scored = score.result() != null && score.result().resultVersion() == version
					&& !Integer.valueOf(version).equals(usedBefore.get(indicator))
					&& counted.add(indicator + "#" + version);
			outcomes.add(scored ? Outcome.SCORED : Outcome.UNCHANGED);
		}
		return outcomes;
	}

	static List<Outcome> same(List<ResultEvent> group, Outcome outcome) {
		return group.stream().map(e -> outcome).toList();
	}

	/** Puts a group's outcomes at the group's positions in the batch. */
	static void assign(Outcome[] outcomes, List<Integer> positions, List<Outcome> scored) {
		for (int i = 0; i < positions.size(); i++) {
			outcomes[positions.get(i)] = scored.get(i);
		}
	}
}
