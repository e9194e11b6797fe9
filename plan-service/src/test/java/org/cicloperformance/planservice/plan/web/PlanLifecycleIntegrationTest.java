package org.cicloperformance.planservice.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cicloperformance.planservice.support.Contracts;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
import org.cicloperformance.planservice.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.JsonNode;

/** Draft → approval → revision, on the real broker and the MongoDB wire protocol. */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class PlanLifecycleIntegrationTest {

	private static final String REVISION = """
			{"baseVersion": 1, "reason": "Monitoraggio al 30/6", "appliesTo": ["2018-12-31"],
			 "act": {"type": "Deliberazione della Giunta camerale", "number": "94", "date": "2030-09-17"},
			 "changes": [
			   {"type": "TARGET_CHANGED", "objective": "1.1.1", "indicator": "1",
			    "target": {"checkpoint": "2018-12-31", "number": 2900, "text": "almeno 2.900 posizioni"},
			    "reason": "Risultato gia' superato"},
			   {"type": "INDICATOR_WEIGHT_CHANGED", "objective": "1.1.2", "indicator": "1", "weight": 20},
			   {"type": "INDICATOR_ADDED", "objective": "1.1.2", "reason": "Nuovo indicatore",
			    "indicatorDefinition": {"code": "4", "name": "Visite ispettive", "measureKind": "COUNT",
			      "direction": "HIGHER_IS_BETTER", "weight": 20, "baseline": 14,
			      "targets": [{"checkpoint": "2018-12-31", "number": 12, "text": "12"}]}}
			 ]}""";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-lifecycle");
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

	@Test
	void approvalPublishesVersionOneAndARevisionPublishesVersionTwoWithItsChanges() {
		var id = createAndApprove(2030);

		var revised = mvc.post().uri("/api/plans/" + id + "/revisions").contentType(MediaType.APPLICATION_JSON)
			.content(REVISION).exchange();

		assertThat(revised).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/plans/" + id + "/versions/2");
		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.withKey(id)).hasSize(2));
		JsonNode published = PlanFixtures.JSON.readTree(events.withKey(id).get(0).value());
		JsonNode revisedEvent = PlanFixtures.JSON.readTree(events.withKey(id).get(1).value());
		assertThat(Contracts.violations(published.toString())).isEmpty();
		assertThat(Contracts.violations(revisedEvent.toString())).isEmpty();
		assertThat(published.get("type").asString()).isEqualTo("PlanPublished");
		assertThat(published.get("version").asInt()).isEqualTo(1);
		assertThat(published.at("/appliesTo").size()).isEqualTo(2);
		assertThat(revisedEvent.get("type").asString()).isEqualTo("PlanRevised");
		assertThat(revisedEvent.get("version").asInt()).isEqualTo(2);
		assertThat(revisedEvent.at("/revision/changes").size()).isEqualTo(3);
		assertThat(revisedEvent.at("/plan/strategicAreas/0/strategicObjectives/0/operationalObjectives/1/indicators")
			.size()).isEqualTo(4);
		assertThat(mvc.get().uri("/api/plans/" + id)).bodyJson().extractingPath("$.pendingEvents").isEqualTo(0);
	}

	@Test
	void keepsEveryVersionAndShowsTheDifferenceBetweenTwo() {
		var id = createAndApprove(2031);
		mvc.post().uri("/api/plans/" + id + "/revisions").contentType(MediaType.APPLICATION_JSON).content(REVISION)
			.exchange();

		assertThat(mvc.get().uri("/api/plans/" + id + "/versions")).bodyJson()
			.extractingPath("$[*].number")
			.asArray()
			.containsExactly(1, 2);
		assertThat(mvc.get().uri("/api/plans/" + id + "/versions/1")).bodyJson()
			.extractingPath("$.content.strategicAreas[0].strategicObjectives[0].operationalObjectives[0]"
					+ ".indicators[0].targets[1].number")
			.isEqualTo(1000);
		var diff = mvc.get().uri("/api/plans/" + id + "/diff?from=1&to=2").exchange();
		var base = "/strategicAreas/1/strategicObjectives/1.1/operationalObjectives/";
		assertThat(diff).bodyJson()
			.extractingPath("$.differences[*].path")
			.asArray()
			.containsExactlyInAnyOrder(base + "1.1.1/indicators/1/targets/2018-12-31/number",
					base + "1.1.1/indicators/1/targets/2018-12-31/text", base + "1.1.2/indicators/1/weight",
					base + "1.1.2/indicators/4");
	}

	@Test
	void refusesARevisionOfAnOutdatedVersion() {
		var id = createAndApprove(2032);
		mvc.post().uri("/api/plans/" + id + "/revisions").contentType(MediaType.APPLICATION_JSON).content(REVISION)
			.exchange();

		var again = mvc.post().uri("/api/plans/" + id + "/revisions").contentType(MediaType.APPLICATION_JSON)
			.content(REVISION).exchange();

		assertThat(again).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/plans/" + id + "/versions")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(2);
	}

	@Test
	void refusesARevisionThatBreaksTheWeightsAndStoresNothing() {
		var id = createAndApprove(2033);
		var broken = REVISION.replace("\"weight\": 20}", "\"weight\": 35}");

		var response = mvc.post().uri("/api/plans/" + id + "/revisions").contentType(MediaType.APPLICATION_JSON)
			.content(broken).exchange();

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.bodyJson()
			.extractingPath("$.errors[0].code")
			.isEqualTo("sum.indicators");
		assertThat(mvc.get().uri("/api/plans/" + id)).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
	}

	@Test
	void anApprovedPlanCannotBeEditedAsADraft() {
		var id = createAndApprove(2034);

		var edit = mvc.put().uri("/api/plans/" + id + "/draft").contentType(MediaType.APPLICATION_JSON)
			.content(PlanApiIntegrationTest.planJson("ente-test", 2034)).exchange();

		assertThat(edit).hasStatus(HttpStatus.CONFLICT);
	}

	private String createAndApprove(int year) {
		return PlanRequests.createAndApprove(mvc, year);
	}
}
