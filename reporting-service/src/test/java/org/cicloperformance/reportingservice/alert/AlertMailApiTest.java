package org.cicloperformance.reportingservice.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** A plan's alert e-mail policy through the API: off until set, who may set it, what is refused (422, pointers). */
class AlertMailApiTest extends IntegrationTest {

	static final String PLAN = "forecast-demo-2018";

	@BeforeEach
	void theDemo() {
		DemoStack.seed(PLAN, scores);
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder putPolicy(String plan, String body) {
		return put("/api/plans/" + plan + "/alert-mail").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	@Test
	void offUntilThePlannerSetsItThenAsSet() throws Exception {
		String plan = "alert-mail-api-2018";
		DemoStack.seed(plan, scores);
		JsonNode none = getJson("/api/plans/" + plan + "/alert-mail");
		assertThat(none.path("enabled").asBoolean()).isFalse();
		assertThat(none.path("revision").asInt()).isZero();

		var response = call(putPolicy(plan, """
				{"enabled": true, "plannerEmail": "pianificazione@ente.example",
				 "managers": [{"manager": "dazzeo", "name": "Dott. Dazzeo", "email": "dazzeo@ente.example"}]}"""));

		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(200);
		JsonNode set = getJson("/api/plans/" + plan + "/alert-mail");
		assertThat(set.path("enabled").asBoolean()).isTrue();
		assertThat(set.path("language").asString()).isEqualTo("it");
		assertThat(set.path("clearedNotes").asBoolean()).isFalse();
		assertThat(set.path("revision").asInt()).isEqualTo(1);
		assertThat(set.path("updatedBy").asString()).isEqualTo("pianificatore");
		assertThat(set.path("managers").get(0).path("email").asString()).isEqualTo("dazzeo@ente.example");
		assertThat(getJson("/api/plans/" + plan + "/alert-mails").isArray()).isTrue();
	}

	@Test
	void eachWrongFieldIsRefusedWithItsPointer() throws Exception {
		var response = call(putPolicy(PLAN, """
				{"language": "fr", "plannerEmail": "non-un-indirizzo",
				 "managers": [{"manager": "nessuno", "email": "a@b.example"},
				              {"manager": "dazzeo", "email": "dazzeo@ente.example"},
				              {"manager": "dazzeo", "email": "due@@ente.example"}]}"""));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode problem = Seed.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
		List<String> errors = new ArrayList<>();
		problem.path("errors").forEach(e -> errors.add(e.path("pointer").asString() + " " + e.path("code").asString()));
		assertThat(errors).containsExactly("/enabled required", "/language language", "/plannerEmail email",
				"/managers/0/manager manager-unknown", "/managers/2/manager manager-duplicate",
				"/managers/2/email email");
		assertThat(problem.path("errors").get(3).path("message").asString())
				.isEqualTo("Il dirigente nessuno non è nel piano.");
	}

	@Test
	void onlyThePlannerOfTheEntitySetsIt() throws Exception {
		String body = "{\"enabled\": false}";

		assertThat(call(putPolicy(PLAN, body).header(HttpHeaders.AUTHORIZATION, basic("dirigente"))).getStatus())
				.isEqualTo(403);
		assertThat(call(putPolicy(PLAN, body).header(HttpHeaders.AUTHORIZATION, basic("altro-ente"))).getStatus())
				.isEqualTo(404);
		assertThat(call(get("/api/plans/" + PLAN + "/alert-mail").header(HttpHeaders.AUTHORIZATION, basic("oiv")))
				.getStatus()).isEqualTo(200);
	}
}
