package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/** The seed published on the real broker: the 30/6 scores through the API and the HR feed in both formats. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedScoringIntegrationTest extends IntegrationTest {

	static final String PLAN = "seed-api-2018";

	@BeforeAll
	void publishTheSeed() {
		publishPlan(PLAN, Seed.planPublished(PLAN));
		publishResults(PLAN, Seed.juneResults(PLAN));
		awaitScores(PLAN, "2018-06-30", IntegrationTest::allJuneResultsScored);
	}

	@Test
	void servesTheScoreTreeWithTheArithmetic() throws Exception {
		JsonNode tree = getJson("/api/plans/" + PLAN + "/checkpoints/2018-06-30/scores");

		assertThat(tree.path("planVersion").asInt()).isEqualTo(1);
		assertThat(tree.path("policyVersion").asInt()).isEqualTo(1);
		assertThat(tree.path("status").asString()).isEqualTo("PROVISIONAL");
		JsonNode entity = tree.path("node");
		// the seed's own figures: 3.1.1/1 is a step described in words, left to the OIV's judgement
		assertThat(entity.path("scoreText").asString()).isEqualTo("75,36%");
		JsonNode objective311 = objective(entity, "3.1.1");
		assertThat(objective311.path("scoreText").asString()).isEqualTo("0,00%");
		assertThat(objective311.path("coverageText").asString()).isEqualTo("40,00%");
		JsonNode milestone = objective311.path("indicators").get(0);
		assertThat(milestone.path("status").asString()).isEqualTo("AWAITING_JUDGEMENT");
		assertThat(milestone.path("arithmetic").asString())
				.isEqualTo("risultato descrittivo, da valutare a cura dell'OIV → escluso fino alla valutazione");
		JsonNode objective213 = objective(entity, "2.1.3");
		assertThat(objective213.path("scoreText").asString()).isEqualTo("91,48%");
		assertThat(objective213.path("coverageText").asString()).isEqualTo("100,00%");
		assertThat(objective213.path("arithmetic").asString())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%");
		JsonNode indicator3 = objective213.path("indicators").get(2);
		assertThat(indicator3.path("arithmetic").asString()).isEqualTo("min(527 / 600, 1) = 87,83%");
		assertThat(indicator3.path("resultVersion").asInt()).isEqualTo(1);
		assertThat(indicator3.path("rule").asString()).isEqualTo("RATIO");
		JsonNode objective111 = objective(entity, "1.1.1");
		assertThat(objective111.path("scoreText").asString()).isEqualTo("100,00%");
		assertThat(objective111.path("coverageText").asString()).isEqualTo("60,00%");
	}

	@Test
	void servesAManagersScorecardAndAnOrganisationalArea() throws Exception {
		JsonNode manager = getJson("/api/plans/" + PLAN + "/checkpoints/2018-06-30/managers/dazzeo").path("node");
		JsonNode area = getJson("/api/plans/" + PLAN + "/checkpoints/2018-06-30/areas/ANA").path("node");

		assertThat(manager.path("scoreText").asString()).isEqualTo("75,49%");
		assertThat(manager.path("coverageText").asString()).isEqualTo("89,50%");
		assertThat(manager.path("children")).extracting(n -> n.path("code").asString())
				.containsExactly("2.1.1", "2.1.2", "2.1.3", "2.2.1");
		assertThat(area.path("scoreText").asString()).isEqualTo("75,49%");
	}

	@Test
	void servesAnIndicatorsHistoryAndANodesTrend() throws Exception {
		JsonNode history = getJson("/api/plans/" + PLAN + "/indicators/2.1.3/3");
		JsonNode trend = getJson("/api/plans/" + PLAN + "/trend?node=objective:2.1.3");

		assertThat(history.path("checkpoints")).extracting(c -> c.path("checkpoint").asString())
				.containsExactly("2018-06-30", "2018-12-31");
		assertThat(history.path("resultVersions")).hasSize(1);
		assertThat(history.path("resultVersions").get(0).path("inUse").asBoolean()).isTrue();
		assertThat(trend.path("points")).extracting(p -> p.path("checkpoint").asString() + " "
				+ p.path("scoreText").asString()).containsExactly("2018-06-30 91,48%", "2018-12-31 0,00%");
	}

	@Test
	void answersUnknownThingsWithAProblemDetail() throws Exception {
		MockHttpServletResponse missing = mvc.perform(get("/api/plans/nessuno/checkpoints/2018-06-30/scores"))
				.andReturn().getResponse();
		MockHttpServletResponse badNode = mvc.perform(get("/api/plans/" + PLAN + "/trend?node=boh"))
				.andReturn().getResponse();

		assertThat(missing.getStatus()).isEqualTo(404);
		assertThat(missing.getContentType()).startsWith("application/problem+json");
		assertThat(Seed.JSON.readTree(missing.getContentAsString(StandardCharsets.UTF_8)).path("detail").asString())
				.isEqualTo("Nessun punteggio per il piano nessuno alla verifica 2018-06-30.");
		assertThat(badNode.getStatus()).isEqualTo(400);
		assertThat(Seed.JSON.readTree(badNode.getContentAsString(StandardCharsets.UTF_8)).path("errors").get(0)
				.path("parameter").asString()).isEqualTo("node");
	}

	@Test
	void servesTheHrFeedAsJson() throws Exception {
		JsonNode feed = getJson("/api/plans/" + PLAN + "/checkpoints/2018-06-30/hr-feed");

		assertThat(feed.path("rows")).extracting(r -> r.path("managerId").asString() + " "
				+ r.path("organisationalArea").asString() + " " + r.path("band").asString() + " "
				+ r.path("status").asString()).containsExactly("ziletti AMM PROPORTIONAL PROVISIONAL",
						"dazzeo ANA PROPORTIONAL PROVISIONAL", "vairano PRM FULL PROVISIONAL");
		JsonNode dazzeo = feed.path("rows").get(1);
		assertThat(dazzeo.path("payoutPercentage").decimalValue()).isEqualByComparingTo(dazzeo.path("score").decimalValue());
		assertThat(dazzeo.path("policyVersion").asInt()).isEqualTo(1);
		assertThat(dazzeo.path("computedAt").isMissingNode()).isFalse();
		JsonNode incentive = dazzeo.path("incentives").get(0);
		assertThat(incentive.path("objective").asString()).isEqualTo("2.2.1");
		assertThat(incentive.path("funds")).extracting(f -> f.path("arithmetic").asString()).containsExactly(
				"15.205 € × 52,50% = 7.982,63 €", "21.140 € × 52,50% = 11.098,50 €");
	}

	@Test
	void servesTheHrFeedAsItalianCsv() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/api/plans/" + PLAN + "/checkpoints/2018-06-30/hr-feed.csv"))
				.andReturn().getResponse();
		String csv = new String(response.getContentAsByteArray(), StandardCharsets.UTF_8);
		List<String> lines = new ArrayList<>(List.of(csv.split("\r\n")));

		assertThat(response.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv).startsWith("\uFEFFtipo_riga;piano;verifica;stato;id_dirigente;dirigente;");
		assertThat(lines).hasSize(1 + 3 + 2);
		assertThat(lines.get(2)).startsWith("DIRIGENTE;" + PLAN + ";2018-06-30;PROVISIONAL;dazzeo;dr Antonio d'Azzeo;ANA;"
				+ "Area Anagrafica;75,49;89,50;PROPORTIONAL;75,49;1;1;");
		assertThat(lines.get(3)).startsWith("INCENTIVO;" + PLAN + ";2018-06-30;PROVISIONAL;dazzeo;")
				.endsWith(";2.2.1;Fondo Dirigenti;15205,00;7982,63;;NO;;;;;;;;;;;;;;;");
		assertThat(lines.get(4)).endsWith(";2.2.1;Fondo Dipendenti;21140,00;11098,50;;NO;;;;;;;;;;;;;;;");
	}

	@Test
	void documentsTheApiWithOpenApi() throws Exception {
		JsonNode api = getJson("/v3/api-docs");

		assertThat(api.path("paths").has("/api/plans/{planId}/checkpoints/{checkpoint}/hr-feed.csv")).isTrue();
		assertThat(api.path("paths").has("/api/admin/rebuild")).isTrue();
	}

	private static JsonNode objective(JsonNode entity, String code) {
		for (JsonNode area : entity.path("children")) {
			for (JsonNode strategic : area.path("children")) {
				for (JsonNode objective : strategic.path("children")) {
					if (objective.path("code").asString().equals(code)) {
						return objective;
					}
				}
			}
		}
		throw new AssertionError("no objective " + code);
	}
}
