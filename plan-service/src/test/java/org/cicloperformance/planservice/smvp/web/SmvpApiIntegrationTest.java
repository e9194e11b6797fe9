package org.cicloperformance.planservice.smvp.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.planservice.support.AuthenticatedAsPlanner.basic;

import java.time.Duration;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.Contracts;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.cicloperformance.planservice.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The SMVP through the API, on the real broker and the MongoDB wire protocol. */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class SmvpApiIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-smvp");
	}

	static TopicReader events;

	@BeforeAll
	static void subscribe() {
		events = new TopicReader(InProcessInfrastructure.kafkaBrokers(), "plan-events");
	}

	@AfterAll
	static void unsubscribe() {
		events.close();
	}

	@Autowired
	MockMvcTester mvc;

	/** The demo's SMVP, for the test entity and {@code year}. */
	static ObjectNode smvp(int year) {
		var tree = (ObjectNode) PlanFixtures.resource("/demo/smvp-2018.json");
		tree.put("entity", "ente-test");
		tree.put("year", year);
		return tree;
	}

	/** A second version: the operational objectives weigh by their managers' weights, from {@code appliesFrom}. */
	static ObjectNode byManagerWeight(int baseVersion, String appliesFrom) {
		var tree = smvp(0);
		tree.remove("entity");
		tree.remove("year");
		tree.put("baseVersion", baseVersion);
		tree.put("appliesFrom", appliesFrom);
		tree.put("reason", "Gli obiettivi operativi pesano nell'obiettivo strategico con i pesi dei dirigenti");
		((ObjectNode) tree.get("rules")).put("rollUp", "BY_MANAGER_WEIGHT");
		((ObjectNode) tree.get("act")).put("number", "120").put("date", "2018-11-20");
		return tree;
	}

	private MvcTestResult post(String uri, Object body) {
		return mvc.post().uri(uri).contentType(MediaType.APPLICATION_JSON).content(body.toString()).exchange();
	}

	@Test
	void adoptsVersionOneAndReadsItBack() {
		var created = post("/api/smvp", smvp(2040));

		assertThat(created).hasStatus(HttpStatus.CREATED)
			.hasHeader("Location", "/api/smvp/ente-test-2040/versions/1");
		assertThat(created).bodyJson().extractingPath("$.rules.rollUp").isEqualTo("EQUAL");
		assertThat(created).bodyJson().extractingPath("$.publishedPlanVersions").asArray().isEmpty();
		assertThat(mvc.get().uri("/api/smvp/ente-test-2040")).bodyJson()
			.extractingPath("$.smvp.currentVersion").isEqualTo(1);
		assertThat(mvc.get().uri("/api/smvp?year=2040")).bodyJson().extractingPath("$[0].id")
			.isEqualTo("ente-test-2040");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2040/versions/1")).bodyJson()
			.extractingPath("$.qualitativeScale[3].descriptor").asString().contains("esempio, non dal documento");
	}

	@Test
	void refusesAnInvalidVersionNamingEveryFieldInItalianOrEnglish() {
		var tree = smvp(2041);
		((ObjectNode) tree.get("rules")).put("cap", 0);
		((ObjectNode) tree.at("/qualitativeScale/1")).put("descriptor", "");
		((ObjectNode) tree.get("act")).remove("number");

		var italian = post("/api/smvp", tree);
		var english = mvc.post().uri("/api/smvp").header("Accept-Language", "en")
			.contentType(MediaType.APPLICATION_JSON).content(tree.toString()).exchange();

		assertThat(italian).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(italian).bodyJson().extractingPath("$.errors[*].pointer").asArray()
			.containsExactly("/act/number", "/rules/cap", "/qualitativeScale/1/descriptor");
		assertThat(italian).bodyJson().extractingPath("$.title").isEqualTo("SMVP non valido");
		assertThat(italian).bodyJson().extractingPath("$.errors[2].message")
			.isEqualTo("Ogni livello della scala deve avere il suo descrittore, fissato in anticipo.");
		assertThat(english).bodyJson().extractingPath("$.errors[2].message")
			.isEqualTo("Every level of the scale must have its descriptor, fixed in advance.");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2041")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusesAnOutOfBoundsTextBeforeAnyRule() {
		var tree = smvp(2042);
		((ObjectNode) tree.at("/qualitativeScale/0")).put("code", "x".repeat(101));

		assertThat(post("/api/smvp", tree)).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT).bodyJson()
			.extractingPath("$.errors[0].pointer").isEqualTo("/qualitativeScale/0/code");
	}

	@Test
	void neverOverwritesAVersion() {
		assertThat(post("/api/smvp", smvp(2043))).hasStatus(HttpStatus.CREATED);

		var again = post("/api/smvp", smvp(2043));
		var second = post("/api/smvp/ente-test-2043/versions", byManagerWeight(1, "2043-12-31"));
		var stale = post("/api/smvp/ente-test-2043/versions", byManagerWeight(1, "2043-06-30"));

		assertThat(again).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(second).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/smvp/ente-test-2043/versions/2");
		assertThat(stale).hasStatus(HttpStatus.CONFLICT).bodyJson().extractingPath("$.detail")
			.isEqualTo("La nuova versione parte dalla versione 1, ma la versione corrente e' la 2: rileggere il SMVP.");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2043/versions")).bodyJson()
			.extractingPath("$[*].appliesFrom").asArray().containsExactly(null, "2043-12-31");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2043/versions/1")).bodyJson()
			.extractingPath("$.rules.rollUp").isEqualTo("EQUAL");
	}

	@Test
	void showsTheDifferenceBetweenTwoVersionsLikePlanRevisions() {
		post("/api/smvp", smvp(2044));
		post("/api/smvp/ente-test-2044/versions", byManagerWeight(1, "2044-12-31"));

		var diff = mvc.get().uri("/api/smvp/ente-test-2044/diff?from=1&to=2").exchange();

		assertThat(diff).hasStatusOk().bodyJson().extractingPath("$.differences[*].path").asArray()
			.containsExactly("/rules/rollUp", "/act/number", "/act/date", "/appliesFrom", "/reason");
		assertThat(diff).bodyJson().extractingPath("$.differences[0].after").isEqualTo("BY_MANAGER_WEIGHT");
	}

	@Test
	void aNewVersionChangesTheEvaluationPolicyAndTheOldVersionKeepsItsOwn() throws Exception {
		assertThat(post("/api/smvp", smvp(2047))).hasStatus(HttpStatus.CREATED);
		var next = byManagerWeight(1, "2047-12-31");
		((ObjectNode) next.at("/evaluation/differentiation")).put("quota", 0.25).put("premium", 0.35);
		((ObjectNode) next.at("/evaluation/weights/DIRIGENTE")).put("ownObjectives", 0.50).put("behaviours", 0.40);

		assertThat(post("/api/smvp/ente-test-2047/versions", next)).hasStatus(HttpStatus.CREATED);

		var first = PlanFixtures.JSON.readTree(mvc.get().uri("/api/smvp/ente-test-2047/versions/1").exchange()
			.getResponse().getContentAsString());
		var second = PlanFixtures.JSON.readTree(mvc.get().uri("/api/smvp/ente-test-2047/versions/2").exchange()
			.getResponse().getContentAsString());
		assertThat(first.at("/evaluation/differentiation/quota").decimalValue()).isEqualByComparingTo("0.34");
		assertThat(first.at("/evaluation/weights/DIRIGENTE/behaviours").decimalValue()).isEqualByComparingTo("0.30");
		assertThat(first.at("/evaluation/note").asString()).startsWith("ESEMPIO, non dal documento");
		assertThat(second.at("/evaluation/differentiation/quota").decimalValue()).isEqualByComparingTo("0.25");
		assertThat(second.at("/evaluation/weights/DIRIGENTE/behaviours").decimalValue())
			.isEqualByComparingTo("0.40");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2047/diff?from=1&to=2")).bodyJson()
			.extractingPath("$.differences[*].path").asArray()
			.contains("/evaluation/weights/DIRIGENTE/ownObjectives", "/evaluation/weights/DIRIGENTE/behaviours",
					"/evaluation/differentiation/premium", "/evaluation/differentiation/quota");
	}

	@Test
	void refusesAnIncoherentEvaluationPolicyNamingEachField() {
		var tree = smvp(2048);
		((ObjectNode) tree.at("/evaluation/weights/DIRIGENTE")).put("behaviours", 0.50);
		((ObjectNode) tree.at("/evaluation/payBands/2")).put("from", 0.85);
		((ObjectNode) tree.at("/evaluation/differentiation")).put("quota", 1.5);

		var refused = post("/api/smvp", tree);

		assertThat(refused).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(refused).bodyJson().extractingPath("$.errors[*].pointer").asArray()
			.containsExactly("/evaluation/weights/DIRIGENTE", "/evaluation/payBands/2/from",
					"/evaluation/differentiation/quota");
		assertThat(refused).bodyJson().extractingPath("$.errors[0].message")
			.isEqualTo("I pesi delle parti devono sommare a 1 (100%): sommano a 1.2.");
		assertThat(mvc.get().uri("/api/smvp/ente-test-2048")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void readByThePlannerTheOivAndViewersOfItsEntityOnly() {
		post("/api/smvp", smvp(2045));

		assertThat(mvc.get().uri("/api/smvp/ente-test-2045").header(HttpHeaders.AUTHORIZATION, basic("oiv")))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/smvp/ente-test-2045").header(HttpHeaders.AUTHORIZATION, basic("lettore")))
			.hasStatusOk();
		assertThat(mvc.get().uri("/api/smvp/ente-test-2045").header(HttpHeaders.AUTHORIZATION, basic("ufficio")))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/smvp/ente-test-2045").header(HttpHeaders.AUTHORIZATION, basic("altro-ente")))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/smvp").header(HttpHeaders.AUTHORIZATION, basic("altro-ente"))
			.contentType(MediaType.APPLICATION_JSON).content(smvp(2046).toString())).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theplanPublishesTheSmvpPolicyAndANewVersionOnlyForTheCheckpointsItAppliesTo() {
		var id = "ente-test-2018";
		assertThat(post("/api/smvp", smvp(2018))).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.post().uri("/api/plans/import").contentType(MediaType.APPLICATION_JSON)
			.content("{\"plan\": " + planJson() + ", \"approvalAct\": {\"type\": \"Deliberazione\", \"number\": \"12\", "
					+ "\"date\": \"2018-01-31\"}}")).hasStatus(HttpStatus.CREATED);

		var adopted = post("/api/smvp/" + id + "/versions", byManagerWeight(1, "2018-12-31"));

		assertThat(adopted).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.publishedPlanVersions")
			.asArray().containsExactly(2);
		assertThat(mvc.get().uri("/api/plans/" + id + "/versions")).bodyJson().extractingPath("$[*].appliesTo")
			.asArray().containsExactly(java.util.List.of("2018-06-30", "2018-12-31"), java.util.List.of("2018-12-31"));
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.withKey(id)).hasSize(2));
		JsonNode published = PlanFixtures.JSON.readTree(events.withKey(id).get(0).value());
		JsonNode applied = PlanFixtures.JSON.readTree(events.withKey(id).get(1).value());
		assertThat(Contracts.violations(published.toString())).isEmpty();
		assertThat(Contracts.violations(applied.toString())).isEmpty();
		assertThat(published.at("/plan/scoringPolicy/smvpId").asString()).isEqualTo(id);
		assertThat(published.at("/plan/scoringPolicy/smvpVersion").asInt()).isEqualTo(1);
		assertThat(published.at("/plan/scoringPolicy/rollUp").asString()).isEqualTo("EQUAL");
		// the evaluation policy of the SMVP version travels with it, for reporting-service's schede
		assertThat(published.at("/plan/scoringPolicy/evaluation/differentiation/quota").decimalValue())
			.isEqualByComparingTo("0.34");
		assertThat(applied.at("/plan/scoringPolicy/evaluation/behaviours").size()).isEqualTo(4);
		assertThat(applied.get("type").asString()).isEqualTo("PlanRevised");
		assertThat(applied.get("version").asInt()).isEqualTo(2);
		assertThat(applied.at("/appliesTo").toString()).isEqualTo("[\"2018-12-31\"]");
		assertThat(applied.at("/plan/scoringPolicy/smvpVersion").asInt()).isEqualTo(2);
		assertThat(applied.at("/plan/scoringPolicy/version").asInt()).isEqualTo(2);
		assertThat(applied.at("/plan/scoringPolicy/rollUp").asString()).isEqualTo("BY_MANAGER_WEIGHT");
		assertThat(applied.at("/revision/changes/0/type").asString()).isEqualTo("SCORING_POLICY_CHANGED");
		assertThat(applied.at("/revision/act/number").asString()).isEqualTo("120");
		// a plan revision cannot change the rules: they change with the SMVP
		assertThat(mvc.get().uri("/api/plans/" + id + "/diff?from=1&to=2")).bodyJson()
			.extractingPath("$.differences[*].path").asArray()
			.containsExactly("/scoringPolicy/version", "/scoringPolicy/rollUp", "/scoringPolicy/smvpVersion",
					"/scoringPolicy/smvpAct/number", "/scoringPolicy/smvpAct/date");
	}

	private static String planJson() {
		var tree = (ObjectNode) PlanFixtures.resource("/contract/plan-published.sample.json").get("plan");
		tree.put("entity", "ente-test");
		tree.put("year", 2018);
		return tree.toString();
	}
}
