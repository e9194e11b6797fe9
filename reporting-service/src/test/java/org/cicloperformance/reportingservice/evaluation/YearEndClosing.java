package org.cicloperformance.reportingservice.evaluation;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.report.YearEndExample;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.Seed;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

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
		Events.publish("checkpoint-events", planId, closed(planId));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> current.resolve(planId, DECEMBER).filter(c -> c.closing() != null).isPresent());
	}

	private static String closed(String planId) {
		ObjectNode event = Seed.JSON.createObjectNode();
		event.put("type", "CheckpointClosed");
		event.put("eventId", UUID.randomUUID().toString());
		event.put("planId", planId);
		event.put("entity", "cciaa-brescia");
		event.put("checkpoint", DECEMBER);
		event.put("status", "CLOSED");
		event.put("occurredAt", "2019-03-15T10:00:00Z");
		event.put("causedBy", "oiv");
		event.put("closing", 1);
		ArrayNode verdicts = event.putArray("verdicts");
		for (JsonNode result : YearEndExample.results()) {
			boolean adjusted = result.path("objective").asString().equals("3.1.3")
					&& result.path("indicator").asString().equals("3");
			ObjectNode verdict = verdicts.addObject();
			verdict.put("objective", result.path("objective").asString());
			verdict.put("indicator", result.path("indicator").asString());
			verdict.put("resultVersion", 1);
			verdict.put("verdict", adjusted ? "ADJUSTED" : "VALIDATED");
			if (adjusted) {
				verdict.put("adjustedAchievement", new BigDecimal("0.6"));
				verdict.put("reason", "Rotazione solo parziale");
			}
			else {
				verdict.putNull("adjustedAchievement");
				verdict.putNull("reason");
			}
			verdict.put("by", "oiv");
			verdict.put("at", "2019-03-14T10:00:00Z");
		}
		return Seed.JSON.writeValueAsString(event);
	}
}
