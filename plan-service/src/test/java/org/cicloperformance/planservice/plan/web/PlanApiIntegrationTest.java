package org.cicloperformance.planservice.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.PlanFixtures;
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
import tools.jackson.databind.node.ObjectNode;

@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class PlanApiIntegrationTest {

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-api");
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void createsADraftAndReadsItBackWithItsETag() {
		var body = planJson("ente-test", 2030);

		var created = mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

		assertThat(created).hasStatus(HttpStatus.CREATED).hasHeader("Location", "/api/plans/ente-test-2030");
		assertThat(created).hasHeader("ETag", "\"0\"");
		assertThat(mvc.get().uri("/api/plans/ente-test-2030")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.status")
			.isEqualTo("DRAFT");
	}

	@Test
	void refusesAnInvalidPlanWithEveryViolationAsProblemJson() {
		var tree = (ObjectNode) PlanFixtures.resource("/contract/plan-published.sample.json").get("plan");
		tree.put("entity", "ente-test");
		((ObjectNode) tree.at("/strategicAreas/0")).put("value", 90);

		var response = mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(tree.toString())
			.exchange();

		assertThat(response).hasStatus(HttpStatus.UNPROCESSABLE_CONTENT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.errors[0].pointer").isEqualTo("/strategicAreas");
		assertThat(response).bodyJson()
			.extractingPath("$.errors[0].message")
			.isEqualTo("I valori delle aree strategiche sommano a 90 invece di 100.");
		assertThat(mvc.get().uri("/api/plans/ente-test-2018")).hasStatus(HttpStatus.NOT_FOUND);
	}

	@Test
	void speaksEnglishWhenAskedTo() {
		var response = mvc.get().uri("/api/plans/nessuno-2018").header("Accept-Language", "en").exchange();

		assertThat(response).hasStatus(HttpStatus.NOT_FOUND)
			.bodyJson()
			.extractingPath("$.detail")
			.isEqualTo("Plan nessuno-2018 does not exist.");
	}

	@Test
	void refusesAStaleEditWith412AndKeepsTheFirstWrite() {
		var body = planJson("ente-test", 2031);
		mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		var edited = body.replace("Camera di Commercio di Esempio", "Prima modifica");
		var staleEdit = body.replace("Camera di Commercio di Esempio", "Seconda modifica");

		var first = mvc.put().uri("/api/plans/ente-test-2031/draft").header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(edited).exchange();
		var second = mvc.put().uri("/api/plans/ente-test-2031/draft").header("If-Match", "\"0\"")
			.contentType(MediaType.APPLICATION_JSON).content(staleEdit).exchange();

		assertThat(first).hasStatusOk().hasHeader("ETag", "\"1\"");
		assertThat(second).hasStatus(HttpStatus.PRECONDITION_FAILED)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(mvc.get().uri("/api/plans/ente-test-2031")).bodyJson()
			.extractingPath("$.content.entityName")
			.isEqualTo("Prima modifica");
	}

	@Test
	void refusesAMalformedBodyNamingTheField() {
		var tree = (ObjectNode) PlanFixtures.JSON.readTree(planJson("ente-test", 2032));
		((ObjectNode) tree.at("/strategicAreas/0/strategicObjectives/0/operationalObjectives/0/indicators/0"))
			.put("measureKind", "CONTEGGIO");
		var body = tree.toString();

		var response = mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(body).exchange();

		assertThat(response).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson()
			.extractingPath("$.errors[0].pointer")
			.isEqualTo("/strategicAreas/0/strategicObjectives/0/operationalObjectives/0/indicators/0/measureKind");
	}

	@Test
	void documentsItsApiWithOpenApi() {
		assertThat(mvc.get().uri("/v3/api-docs")).hasStatusOk()
			.bodyJson()
			.extractingPath("$.paths['/api/plans/{id}/revisions'].post.summary")
			.isEqualTo("Apply a revision to an approved plan: it becomes the next version (PLANNER)");
	}

	@Test
	void exposesHealthAndPrometheusMetricsTaggedWithTheApplication() {
		assertThat(mvc.get().uri("/actuator/health")).hasStatusOk().bodyJson().extractingPath("$.status").isEqualTo("UP");
		assertThat(mvc.get().uri("/actuator/prometheus")).hasStatusOk()
			.bodyText()
			.contains("plan_outbox_backlog{application=\"plan-service\"}");
	}

	static String planJson(String entity, int year) {
		var tree = (ObjectNode) PlanFixtures.resource("/contract/plan-published.sample.json").get("plan");
		tree.put("entity", entity);
		tree.put("year", year);
		return tree.toPrettyString();
	}
}
