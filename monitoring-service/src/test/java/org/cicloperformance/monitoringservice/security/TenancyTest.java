package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * One entity sees nothing of another: its plans and results are as unknown as data that does not exist (404 or
 * absent from lists), writing to them is refused as for an unknown plan, and Idempotency-Keys do not cross users.
 */
class TenancyTest extends IntegrationTestBase {

	static final String OTHER = "altro-ente";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	String ours;

	String theirs;

	@BeforeEach
	void onePlanInEachEntityWithAResult() {
		ours = "piano-nostro-" + UUID.randomUUID();
		theirs = "piano-altrui-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(ours)));
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.ofEntity(SamplePlans.published(theirs), "ente-altro")));
		assertThat(post(null, "/api/results", item(ours, 500))).hasStatus(HttpStatus.CREATED);
		assertThat(post(OTHER, "/api/results", item(theirs, 600))).hasStatus(HttpStatus.CREATED);
	}

	static String item(String planId, int number) {
		return """
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":%d}}"""
			.formatted(planId, number);
	}

	MvcTestResult post(String user, String path, String json) {
		var request = mvc.post().uri(path).contentType(MediaType.APPLICATION_JSON).content(json);
		return (user == null ? request : request.header(HttpHeaders.AUTHORIZATION, basic(user))).exchange();
	}

	MvcTestResult get(String user, String path) {
		return mvc.get().uri(path).header(HttpHeaders.AUTHORIZATION, basic(user)).exchange();
	}

	@Test
	void anotherEntitySeesNothingOfThisOne() {
		assertThat(get(OTHER, "/api/results?planId=" + ours)).bodyJson().extractingPath("$.length()").isEqualTo(0);
		assertThat(get(OTHER, "/api/results")).bodyJson().extractingPath("$[*].planId").asArray()
			.contains(theirs)
			.doesNotContain(ours);
		assertThat(get(OTHER, "/api/results/" + ours + "/1.1.1/1/2018-06-30/versions"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(OTHER, "/api/results/" + ours + "/1.1.1/1/2018-06-30/versions/1"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get(OTHER, "/api/plans")).bodyJson().extractingPath("$[*].planId").asArray()
			.contains(theirs)
			.doesNotContain(ours);
		assertThat(get(OTHER, "/api/plans")).bodyJson().extractingPath("$[*].entity").asArray()
			.containsOnly("ente-altro");
	}

	@Test
	void thisEntitySeesNothingOfAnotherOne() {
		assertThat(get("lettore", "/api/results?planId=" + theirs)).bodyJson().extractingPath("$.length()").isEqualTo(0);
		assertThat(get("lettore", "/api/results")).bodyJson().extractingPath("$[*].planId").asArray()
			.contains(ours)
			.doesNotContain(theirs);
		assertThat(get("oiv", "/api/results/" + theirs + "/1.1.1/1/2018-06-30/versions"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(get("pianificatore", "/api/plans")).bodyJson().extractingPath("$[*].planId").asArray()
			.doesNotContain(theirs);
		assertThat(get("oiv", "/api/audit")).bodyJson().extractingPath("$[*].entity").asArray()
			.containsOnly("cciaa-esempio");
		assertThat(get(OTHER, "/api/audit")).bodyJson().extractingPath("$[*].entity").asArray()
			.containsOnly("ente-altro");
	}

	@Test
	void writingToAnotherEntitysPlanIsAnsweredAsForAnUnknownPlan() {
		var single = post(OTHER, "/api/results", item(ours, 1));
		var batch = post(OTHER, "/api/results/batch", "{\"results\":[" + item(theirs, 2) + "," + item(ours, 3) + "]}");
		var csv = mvc.post().uri("/api/results/csv").header(HttpHeaders.AUTHORIZATION, basic(OTHER))
			.contentType("text/csv")
			.content("piano;obiettivo;indicatore;checkpoint;valore\n" + ours + ";1.1.1;1;30/06/2018;4")
			.exchange();

		for (var response : new MvcTestResult[] { single, batch, csv }) {
			assertThat(response).hasStatus(HttpStatus.NOT_FOUND);
			assertThat(response).bodyJson().extractingPath("$.errors[0].code").isEqualTo("plan-unknown");
		}
		assertThat(get("lettore", "/api/results/" + ours + "/1.1.1/1/2018-06-30/versions")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(1);
		assertThat(get(OTHER, "/api/results/" + theirs + "/1.1.1/1/2018-06-30/versions")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(1);
	}

	@Test
	void oneUserCannotReplayAnothersAnswerWithTheSameIdempotencyKey() {
		String key = UUID.randomUUID().toString();
		String body = item(ours, 700);

		var first = mvc.post().uri("/api/results").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		var colleague = mvc.post().uri("/api/results").header("Idempotency-Key", key)
			.header(HttpHeaders.AUTHORIZATION, basic("ufficio-registro"))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		var stranger = mvc.post().uri("/api/results").header("Idempotency-Key", key)
			.header(HttpHeaders.AUTHORIZATION, basic(OTHER))
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();
		var again = mvc.post().uri("/api/results").header("Idempotency-Key", key)
			.contentType(MediaType.APPLICATION_JSON).content(body).exchange();

		assertThat(first).hasStatus(HttpStatus.CREATED).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(colleague).hasStatus(HttpStatus.CREATED).doesNotContainHeader("Idempotent-Replayed");
		assertThat(colleague).bodyJson().extractingPath("$.version").isEqualTo(3);
		assertThat(colleague).bodyJson().extractingPath("$.reportedBy").isEqualTo("ufficio-registro");
		assertThat(stranger).hasStatus(HttpStatus.NOT_FOUND).doesNotContainHeader("Idempotent-Replayed");
		assertThat(again).hasStatus(HttpStatus.CREATED).containsHeader("Idempotent-Replayed");
		assertThat(again).bodyJson().extractingPath("$.version").isEqualTo(2);
		assertThat(get("lettore", "/api/results/" + ours + "/1.1.1/1/2018-06-30/versions")).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(3);
	}
}
