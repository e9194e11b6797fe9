package org.cicloperformance.monitoringservice.result;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.checkpoint.LatestResults;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.springframework.stereotype.Service;

/**
 * Reading results: the latest version of each, every version of one, and the plans an entity's users see. Also the
 * checkpoint workflow's view of the latest result versions ({@link LatestResults}, which the workflow owns).
 */
@Service
public class ResultService implements LatestResults {

	private final PlanVersionStore plans;

	private final ResultStore results;

	ResultService(PlanVersionStore plans, ResultStore results) {
		this.plans = plans;
		this.results = results;
	}

	/** The plans of {@code entity}, for one request. */
	public PlanLookup plansOf(String entity) {
		return new PlanLookup(plans, entity);
	}

	/** The latest version of each result of {@code entity}, optionally of one plan and/or checkpoint. */
	public List<RecordedResult> latest(String entity, String planId, String checkpoint) {
		if (entity == null) {
			return List.of();
		}
		return results.byPlan(entity, planId, checkpoint).stream().map(d -> RecordedResult.of(d, d.current()))
				.toList();
	}

	@Override
	public Map<String, Integer> latestVersions(String entity, String planId, String checkpoint) {
		Map<String, Integer> latest = new HashMap<>();
		for (RecordedResult r : latest(entity, planId, checkpoint)) {
			latest.put(LatestResults.keyOf(r.objective(), r.indicator()), r.version());
		}
		return latest;
	}

	/** Every version of one result, when it exists and belongs to {@code entity}. */
	public Optional<List<RecordedResult>> history(String entity, String planId, String objective, String indicator,
			String checkpoint) {
		return results.find(ResultDocument.idOf(planId, objective, indicator, checkpoint))
				.filter(d -> entity != null && entity.equals(d.entity()))
				.map(d -> d.versions().stream().map(v -> RecordedResult.of(d, v)).toList());
	}
}
