package org.cicloperformance.reportingservice.support;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cicloperformance.reportingservice.score.ScoreStore;

/**
 * The demo published as plan-service and monitoring-service publish it (version 1, the 31 results at 30/6, then
 * the mid-year revision as version 2 for 31/12), once per plan id and test JVM, waited for until scored.
 */
public final class DemoStack {

	private static final Set<String> SEEDED = ConcurrentHashMap.newKeySet();

	private DemoStack() {
	}

	public static synchronized void seed(String planId, ScoreStore scores) {
		if (!SEEDED.add(planId)) {
			return;
		}
		Events.publish("plan-events", planId, Seed.planPublished(planId));
		Seed.juneResults(planId).forEach(json -> Events.publish("result-events", planId, json));
		Events.publish("plan-events", planId, Seed.planRevised(planId));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> scores
				.find(planId, "2018-06-30").filter(IntegrationTest::allJuneResultsScored).isPresent()
				&& scores.find(planId, "2018-12-31").filter(d -> d.scorecard().planVersion() == 2).isPresent());
	}
}
