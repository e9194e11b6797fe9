package org.cicloperformance.reportingservice.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import tools.jackson.databind.JsonNode;

/**
 * The forecasts of the 2018 demo (the 30/6 results of risultati-2018-06-30.json against the 31/12 targets of the
 * revised plan, version 2), hand-computed: 30/6/2018 is day 181 of 365. This test works on its own copy of the demo,
 * since it records a newer result version.
 */
class ForecastApiTest extends IntegrationTest {

	static final String PLAN = "forecast-demo-2018";

	@BeforeEach
	void seedTheDemo() {
		DemoStack.seed(PLAN, scores);
	}

	@Test
	void theDemosYearEndTargetsGetForecastsWithTheirMethodAndAlerts() throws Exception {
		JsonNode forecasts = getJson("/api/plans/" + PLAN + "/forecasts");

		assertThat(forecasts.path("planVersion").asInt()).isEqualTo(2);
		assertThat(forecasts.path("finalCheckpoint").asString()).isEqualTo("2018-12-31");

		JsonNode positions = indicator(forecasts, "2.1.1", "1");
		assertThat(positions.path("method").asString()).isEqualTo("LINEAR_TO_DATE");
		assertThat(positions.path("expected").decimalValue()).isEqualByComparingTo("4557");
		assertThat(positions.path("target").decimalValue()).isEqualByComparingTo("2900");
		assertThat(positions.path("onTrack").asBoolean()).isTrue();
		assertThat(positions.path("arithmetic").asString()).isEqualTo("2.260 al 30/06/2018 × 365 / 181 giorni = "
				+ "4.557 previsti al 31/12/2018; atteso almeno 2.900: in linea");
		assertThat(positions.path("bandText").asString()).isEqualTo("banda non disponibile: un solo dato intermedio");
		assertThat(absent(positions.path("band"))).isTrue();
		assertThat(absent(positions.path("alert"))).isTrue();

		JsonNode courses = indicator(forecasts, "2.1.3", "1");
		assertThat(courses.path("expected").decimalValue()).as("10 × 365 / 181 = 20,17").isEqualByComparingTo("20");
		assertThat(courses.path("onTrack").asBoolean()).as("revised target 20").isTrue();

		JsonNode suap = indicator(forecasts, "2.1.2", "5");
		assertThat(suap.path("expected").decimalValue()).as("5 × 365 / 181 = 10,08").isEqualByComparingTo("10");
		assertThat(suap.path("onTrack").asBoolean()).isFalse();
		assertThat(suap.path("alert").path("severity").asString()).isEqualTo("HIGH");
		assertThat(suap.path("alert").path("reason").asString())
				.isEqualTo("previsti 10 contro un valore atteso di 65 al 31/12/2018 (scarto 55, oltre il 20%)");
		assertThat(suap.path("alert").path("proposeRevision").path("href").asString())
				.isEqualTo("/api/plans/" + PLAN + "/proposals");
		assertThat(suap.path("alert").path("proposeRevision").path("method").asString()).isEqualTo("POST");
		assertThat(suap.path("alert").path("proposeRevision").path("checkpoint").asString()).isEqualTo("2018-12-31");

		JsonNode share = indicator(forecasts, "2.1.1", "3");
		assertThat(share.path("method").asString()).isEqualTo("LAST_VALUE");
		assertThat(share.path("expected").decimalValue()).isEqualByComparingTo("82.7");
		assertThat(share.path("onTrack").asBoolean()).isTrue();

		JsonNode monitoring = indicator(forecasts, "2.2.1", "1");
		assertThat(monitoring.path("method").asString()).isEqualTo("MILESTONE_PLAN");
		assertThat(monitoring.path("expectedText").asString()).isEqualTo("3 di 4");
		assertThat(monitoring.path("alert").path("severity").asString()).isEqualTo("MEDIUM");
		assertThat(monitoring.path("arithmetic").asString())
				.contains("M2 prevista il 31/05/2018, non consegnata al 30/06/2018: in ritardo di 30 giorni");
		JsonNode lighting = indicator(forecasts, "3.1.2", "1");
		assertThat(lighting.path("expectedText").asString()).isEqualTo("4 di 4");
		assertThat(lighting.path("onTrack").asBoolean()).isTrue();

		assertThat(indicator(forecasts, "1.1.4", "1").path("method").asString()).isEqualTo("NOT_FORECAST");
		assertThat(indicator(forecasts, "2.1.1", "2").path("reason").asString())
				.isEqualTo("indicatore composto: le componenti non si proiettano in un solo valore");
		assertThat(indicator(forecasts, "2.2.1", "5").path("reason").asString())
				.as("added by the revision, no 30/6 result").isEqualTo("nessun risultato intermedio");

		assertThat(alerted(forecasts)).containsExactlyInAnyOrder("2.1.2/5", "2.2.1/1", "2.2.1/2", "2.2.1/4",
				"3.1.1/3");
		assertThat(forecasts.path("alerts").asInt()).isEqualTo(5);
	}

	@Test
	void theForecastsTextsFollowAcceptLanguageItalianByDefaultEnglishAvailable() throws Exception {
		String body = mvc.perform(get("/api/plans/" + PLAN + "/forecasts").header(HttpHeaders.ACCEPT_LANGUAGE, "en"))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		JsonNode english = Seed.JSON.readTree(body);

		assertThat(indicator(english, "2.1.1", "1").path("arithmetic").asString()).isEqualTo("2,260 at 30/06/2018 × "
				+ "365 / 181 days = 4,557 expected at 31/12/2018; at least 2,900 expected: on track");
		assertThat(indicator(english, "2.1.2", "5").path("alert").path("reason").asString())
				.isEqualTo("10 expected against a target of 65 at 31/12/2018 (gap 55, over 20%)");
		assertThat(indicator(english, "2.2.1", "1").path("expectedText").asString()).isEqualTo("3 of 4");
		assertThat(indicator(english, "2.1.1", "2").path("reason").asString())
				.isEqualTo("compound indicator: the components do not project into one value");
		assertThat(indicator(getJson("/api/plans/" + PLAN + "/forecasts"), "2.1.1", "1").path("bandText").asString())
				.isEqualTo("banda non disponibile: un solo dato intermedio");
	}

	@Test
	void aManagerReadsTheForecastsOfTheirScopeOnly() throws Exception {
		String body = mvc.perform(get("/api/plans/" + PLAN + "/forecasts").header(HttpHeaders.AUTHORIZATION,
				AuthenticatedAsPlanner.basic("dirigente"))).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);
		JsonNode forecasts = Seed.JSON.readTree(body);

		assertThat(forecasts.path("indicators")).isNotEmpty();
		assertThat(forecasts.path("indicators")).allSatisfy(i -> assertThat(i.path("objective").asString())
				.startsWith("2."));
		assertThat(alerted(forecasts)).containsExactlyInAnyOrder("2.1.2/5", "2.2.1/1", "2.2.1/2", "2.2.1/4");
	}

	@Test
	void aNewerResultBackOnTargetClearsTheAlertAndAWorseOneRaisesItAgain() throws Exception {
		String plan = "forecast-clearing-2018";
		DemoStack.seed(plan, scores);
		assertThat(indicator(getJson("/api/plans/" + plan + "/forecasts"), "2.2.1", "4").path("alert")
				.path("severity").asString()).as("2 focus at 30/6: 4 expected against 10").isEqualTo("HIGH");

		// version 2 of the 30/6 result: 5 × 365 / 181 = 10,08 → 10, on the target of 10
		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 2,
				Seed.numberValue("5"))));
		JsonNode cleared = awaitForecast(plan, "2.2.1", "4", "10");
		assertThat(cleared.path("onTrack").asBoolean()).isTrue();
		assertThat(absent(cleared.path("alert"))).isTrue();

		// version 3: 4 × 365 / 181 = 8,07 → 8, 20% short of 10: raised again, MEDIUM
		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 3,
				Seed.numberValue("4"))));
		JsonNode raised = awaitForecast(plan, "2.2.1", "4", "8");
		assertThat(raised.path("alert").path("severity").asString()).isEqualTo("MEDIUM");
		assertThat(raised.path("alert").path("reason").asString())
				.isEqualTo("previsti 8 contro un valore atteso di 10 al 31/12/2018 (scarto 2)");
	}

	private JsonNode awaitForecast(String plan, String objective, String indicator, String expected) {
		return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> indicator(getJson("/api/plans/" + plan + "/forecasts"), objective, indicator),
						i -> i.path("expected").decimalValue().compareTo(new java.math.BigDecimal(expected)) == 0);
	}

	private static JsonNode indicator(JsonNode forecasts, String objective, String indicator) {
		for (JsonNode i : forecasts.path("indicators")) {
			if (i.path("objective").asString().equals(objective) && i.path("indicator").asString().equals(indicator)) {
				return i;
			}
		}
		throw new AssertionError("no forecast for " + objective + "/" + indicator + " in " + forecasts);
	}

	private static boolean absent(JsonNode node) {
		return node.isNull() || node.isMissingNode();
	}

	private static List<String> alerted(JsonNode forecasts) {
		List<String> codes = new ArrayList<>();
		forecasts.path("indicators").forEach(i -> {
			if (!absent(i.path("alert"))) {
				codes.add(i.path("objective").asString() + "/" + i.path("indicator").asString());
			}
		});
		return codes;
	}
}
