package org.cicloperformance.reportingservice.report;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.Seed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo as the producers publish it, for the report: plan version 1 with its signatories, the 31 results at 30/6
 * with the deviations monitoring computed (the document's, {@code scostamenti-2018-06-30.json}), commentary and
 * evidence, then the mid-year revision as version 2; once per plan id and test JVM, waited for until scored.
 */
final class ReportStack {

	private static final Set<String> SEEDED = ConcurrentHashMap.newKeySet();

	private ReportStack() {
	}

	static synchronized void seed(String planId, ScoreStore scores) {
		if (!SEEDED.add(planId)) {
			return;
		}
		Events.publish("plan-events", planId, Seed.planEvent("PlanPublished", planId, 1,
				List.of(DemoReport.JUNE, "2018-12-31"), DemoReport.planWithSignatories()));
		Map<String, JsonNode> deviations = DemoReport.deviations();
		for (JsonNode result : DemoReport.results()) {
			String objective = result.path("objective").asString();
			String indicator = result.path("indicator").asString();
			ObjectNode event = (ObjectNode) Seed.JSON.readTree(Seed.resultRecorded(planId, objective, indicator,
					DemoReport.JUNE, 1, result.path("value")));
			event.put("commentary", result.path("commentary").asString(""));
			event.set("evidence", result.path("evidence"));
			event.put("reportedBy", result.path("reportedBy").asString("ufficio"));
			event.set("deviation", DemoReport.deviationOf(deviations.get(objective + "/" + indicator)));
			Events.publish("result-events", planId, Seed.JSON.writeValueAsString(event));
		}
		Events.publish("plan-events", planId, Seed.planRevised(planId));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
				.until(() -> scores.find(planId, DemoReport.JUNE)
						.filter(d -> d.scorecard().indicators().stream().filter(i -> i.result() != null).count() == 31)
						.isPresent()
						&& scores.find(planId, "2018-12-31").filter(d -> d.scorecard().planVersion() == 2).isPresent());
	}
}
