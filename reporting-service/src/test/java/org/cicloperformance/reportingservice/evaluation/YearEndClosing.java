package org.cicloperformance.reportingservice.evaluation;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.report.YearEndExample;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.Events;

/**
 * The demo's year-end example (deploy/local, "esempio") closed by the OIV at 31/12 with every result validated but
 * 3.1.3/3, adjusted to 60%: the FINAL scores the schede are filled in on. Once per plan id and test JVM.
 */
final class YearEndClosing {

	static final String DECEMBER = YearEndExample.DECEMBER;

	private static final Set<String> CLOSED = ConcurrentHashMap.newKeySet();

	private YearEndClosing() {
	}

	/** The example's results scored on version 2, not yet closed. */
	static void results(String planId, ScoreStore scores) {
		DemoStack.seed(planId, scores);
		YearEndExample.events(planId).forEach(e -> Events.publish("result-events", planId, e));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> scores.find(planId, DECEMBER).filter(d -> d.scorecard().planVersion() == 2
					&& d.scorecard().indicators().stream().filter(i -> i.result() != null).count() == 38)
				.isPresent());
	}

	static synchronized void close(String planId, CurrentScores current) {
		if (!CLOSED.add(planId)) {
			return;
		}
		Events.publish("checkpoint-events", planId, YearEndExample.closed(planId));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> current.resolve(planId, DECEMBER).filter(c -> c.closing() != null).isPresent());
	}
}
