package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import java.nio.charset.StandardCharsets;
import org.springframework.mock.web.MockHttpSession;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A new SMVP version reaches reporting as plan-service publishes it: a plan version with the same content and the
 * new version's policy, for the checkpoints it applies to. Only those are scored again; the others keep the scores
 * of the SMVP version they had, and every score names its SMVP version.
 */
class SmvpVersionRescoringIntegrationTest extends IntegrationTest {

	private static final String SMVP = "cciaa-brescia-2018";

	@Test
	void aVersionRollingUpByManagerWeightFromTheFinalCheckpointRescoresOnlyThatCheckpoint() throws Exception {
		String plan = "smvp-final-2018";
		ScoreDocument june = publishTheDemoOnSmvpVersionOne(plan);
		publishPlan(plan, onSmvp(Seed.planRevised(plan), 1, "EQUAL"));
		awaitScores(plan, "2018-12-31", d -> d.scorecard().planVersion() == 2);

		publishPlan(plan, smvpApplied(Seed.planRevised(plan), 3, 2, List.of("2018-12-31")));
		ScoreDocument december = awaitScores(plan, "2018-12-31", d -> d.scorecard().planVersion() == 3);

		assertThat(december.scorecard().smvpId()).isEqualTo(SMVP);
		assertThat(december.scorecard().smvpVersion()).isEqualTo(2);
		NodeScore strategic21 = december.scorecard().strategicObjective("2.1").orElseThrow();
		assertThat(strategic21.weightBasis()).isEqualTo("pesi degli obiettivi del dirigente");
		assertThat(strategic21.contributions()).extracting(c -> c.weight().stripTrailingZeros().toPlainString())
				.containsExactly("20", "30", "20");
		ScoreDocument juneAfter = scores.find(plan, "2018-06-30").orElseThrow();
		assertThat(juneAfter.revision()).as("30/6 not scored again").isEqualTo(june.revision());
		assertThat(juneAfter.scorecard().smvpVersion()).isEqualTo(1);
		assertThat(juneAfter.scorecard().planVersion()).isEqualTo(1);
		assertThat(Decimals.percent(juneAfter.scorecard().entity().score())).isEqualTo("75,36%");
		JsonNode decemberApi = getJson("/api/plans/" + plan + "/checkpoints/2018-12-31/scores");
		JsonNode juneApi = getJson("/api/plans/" + plan + "/checkpoints/2018-06-30/scores");
		assertThat(decemberApi.path("smvpId").asString()).isEqualTo(SMVP);
		assertThat(decemberApi.path("smvpVersion").asInt()).isEqualTo(2);
		assertThat(decemberApi.path("policyVersion").asInt()).isEqualTo(2);
		assertThat(juneApi.path("smvpVersion").asInt()).isEqualTo(1);
		assertThat(juneApi.path("node").path("scoreText").asString()).isEqualTo("75,36%");
		MockHttpSession planner = SignIn.as(mvc, "pianificatore");
		for (String[] page : new String[][] { { "2018-12-31", "SMVP versione 2 (" + SMVP + ")" },
				{ "2018-06-30", "SMVP versione 1 (" + SMVP + ")" } }) {
			String overview = mvc.perform(get("/dashboard/plans/" + plan).param("checkpoint", page[0])
					.session(planner)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
			assertThat(overview).as("the overview at %s names the SMVP version", page[0]).contains(page[1]);
		}
	}

	@Test
	void aVersionApplyingFromTheThirtiethOfJuneGivesTheDemoItsByManagerWeightFigures() {
		String plan = "smvp-june-2018";
		publishTheDemoOnSmvpVersionOne(plan);

		publishPlan(plan, smvpApplied(Seed.planPublished(plan), 2, 2, List.of("2018-06-30")));
		ScoreDocument june = awaitScores(plan, "2018-06-30",
				d -> d.scorecard().planVersion() == 2 && allJuneResultsScored(d));

		assertThat(june.scorecard().smvpVersion()).isEqualTo(2);
		assertThat(Decimals.percent(june.scorecard().strategicObjective("2.1").orElseThrow().score()))
				.isEqualTo("85,34%");
		assertThat(Decimals.percent(june.scorecard().entity().score())).isEqualTo("75,16%");
	}

	private ScoreDocument publishTheDemoOnSmvpVersionOne(String plan) {
		publishPlan(plan, onSmvp(Seed.planPublished(plan), 1, "EQUAL"));
		publishResults(plan, Seed.juneResults(plan));
		return awaitScores(plan, "2018-06-30", IntegrationTest::allJuneResultsScored);
	}

	/** The event with the policy of SMVP version {@code smvpVersion}, as plan-service resolves it. */
	private static String onSmvp(String event, int smvpVersion, String rollUp) {
		ObjectNode tree = (ObjectNode) Seed.JSON.readTree(event);
		ObjectNode policy = (ObjectNode) tree.path("plan").path("scoringPolicy");
		policy.put("version", smvpVersion);
		policy.put("smvpId", SMVP);
		policy.put("smvpVersion", smvpVersion);
		policy.put("rollUp", rollUp);
		return Seed.JSON.writeValueAsString(tree);
	}

	/**
	 * The PlanRevised event plan-service publishes for SMVP version {@code smvpVersion} (roll-up by manager weight):
	 * plan version {@code version}, the content of {@code base}, applying to {@code appliesTo}.
	 */
	private static String smvpApplied(String base, int version, int smvpVersion, List<String> appliesTo) {
		ObjectNode tree = (ObjectNode) Seed.JSON.readTree(onSmvp(base, smvpVersion, "BY_MANAGER_WEIGHT"));
		int baseVersion = tree.path("version").asInt();
		tree.put("type", "PlanRevised");
		tree.put("eventId", UUID.randomUUID().toString());
		tree.put("version", version);
		tree.set("appliesTo", Seed.JSON.valueToTree(appliesTo));
		ObjectNode revision = Seed.JSON.createObjectNode();
		revision.put("baseVersion", baseVersion);
		revision.put("reason", "Applicazione della versione " + smvpVersion + " del SMVP (" + SMVP + ")");
		revision.putObject("act").put("type", "Deliberazione della Giunta camerale").put("number", "120")
				.put("date", "2018-11-20");
		revision.set("appliesTo", Seed.JSON.valueToTree(appliesTo));
		revision.putArray("changes").addObject().put("type", "SCORING_POLICY_CHANGED").putNull("objective");
		tree.set("revision", revision);
		return Seed.JSON.writeValueAsString(tree);
	}
}
