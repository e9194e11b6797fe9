package org.cicloperformance.reportingservice.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A result at an interim period of monitoring's calendar (30/9/2018, {@code "interim": true}) on the real broker and
 * store, on a copy of the 2018 demo: the forecast takes it as its latest interim point, and no score changes (policy:
 * interim periods are monitored, not scored). 30/9/2018 is day 273 of 365.
 */
class InterimForecastTest extends IntegrationTest {

	static final String PLAN = "forecast-interim-2018";

	@Autowired
	MeterRegistry meters;

	@Autowired
	ResultFacts facts;

	@Test
	void anInterimResultIsTheForecastsLatestPointAndChangesNoScore() throws Exception {
		DemoStack.seed(PLAN, scores);
		ScoreDocument june = scores.find(PLAN, "2018-06-30").orElseThrow();
		ScoreDocument december = scores.find(PLAN, "2018-12-31").orElseThrow();
		JsonNode before = indicator(getJson("/api/plans/" + PLAN + "/forecasts"), "2.1.2", "5");
		assertThat(before.path("expected").decimalValue()).as("5 at 30/6 × 365 / 181").isEqualByComparingTo("10");
		double notScored = notInPlan();

		ObjectNode event = (ObjectNode) Seed.JSON.readTree(Seed.resultRecorded(PLAN, "2.1.2", "5", "2018-09-30", 1,
				Seed.numberValue("48")));
		event.put("interim", true);
		publishResults(PLAN, List.of(Seed.JSON.writeValueAsString(event)));

		JsonNode after = await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200))
				.until(() -> indicator(getJson("/api/plans/" + PLAN + "/forecasts"), "2.1.2", "5"),
						i -> i.path("expected").decimalValue().compareTo(new BigDecimal("64")) == 0);
		assertThat(after.path("method").asString()).isEqualTo("LINEAR_TO_DATE");
		assertThat(after.path("asOf").asString()).isEqualTo("2018-09-30");
		assertThat(after.path("arithmetic").asString())
				.startsWith("48 al 30/09/2018 × 365 / 273 giorni = 64 previsti al 31/12/2018");
		assertThat(after.path("bandText").asString()).as("two interim points, 30/6 and 30/9")
				.isNotEqualTo(before.path("bandText").asString());
		assertThat(after.path("alert").path("severity").asString()).as("64 against 65: 1.5% short")
				.isEqualTo("MEDIUM");

		await().atMost(PATIENCE).until(() -> notInPlan() > notScored);
		assertThat(facts.latest(PLAN, "2.1.2", "5", "2018-09-30").orElseThrow().atInterimPeriod()).isTrue();
		assertThat(scores.find(PLAN, "2018-09-30")).as("no score document for an interim period").isEmpty();
		assertThat(scores.find(PLAN, "2018-06-30").orElseThrow().revision()).isEqualTo(june.revision());
		assertThat(scores.find(PLAN, "2018-12-31").orElseThrow().revision()).isEqualTo(december.revision());
	}

	private double notInPlan() {
		var counter = meters.find("reporting.events.consumed").tag("type", "ResultRecorded")
				.tag("outcome", "not_in_plan").counter();
		return counter == null ? 0 : counter.count();
	}

	private static JsonNode indicator(JsonNode forecasts, String objective, String indicator) {
		for (JsonNode i : forecasts.path("indicators")) {
			if (i.path("objective").asString().equals(objective) && i.path("indicator").asString().equals(indicator)) {
				return i;
			}
		}
		throw new AssertionError("no forecast for " + objective + "/" + indicator + " in " + forecasts);
	}
}
