package org.cicloperformance.reportingservice.webhook.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/** Registering webhooks: who may, what is checked (422 with pointers, 400 for what cannot be read), the secret. */
class WebhookApiTest extends IntegrationTest {

	private static final String URL = "http://127.0.0.1:9/hook";

	private final List<String[]> registered = new ArrayList<>();

	@AfterEach
	void deleteWhatWasRegistered() throws Exception {
		for (String[] webhook : registered) {
			mvc.perform(delete("/api/webhooks/" + webhook[0]).header(HttpHeaders.AUTHORIZATION, basic(webhook[1])));
		}
	}

	private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	private static MockHttpServletRequestBuilder register(String body) {
		return post("/api/webhooks").contentType(MediaType.APPLICATION_JSON).content(body);
	}

	private static String body(Object... fields) {
		Map<String, Object> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < fields.length; i += 2) {
			map.put((String) fields[i], fields[i + 1]);
		}
		return Seed.JSON.writeValueAsString(map);
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return Seed.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private String registerAs(String user) throws Exception {
		var response = call(register(body("url", URL, "eventTypes", List.of("ResultRecorded")))
				.header(HttpHeaders.AUTHORIZATION, basic(user)));
		assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
		String id = json(response).path("webhook").path("id").asString();
		registered.add(new String[] { id, user });
		return id;
	}

	@Test
	void thePlannerRegistersAWebhookAndSeesItsSecretOnlyOnce() throws Exception {
		var response = call(register(body("url", URL, "eventTypes", List.of("HrFeedPublished", "ResultRecorded"),
				"description", "Sistema del personale")));

		assertThat(response.getStatus()).isEqualTo(201);
		JsonNode created = json(response);
		String id = created.path("webhook").path("id").asString();
		registered.add(new String[] { id, "pianificatore" });
		assertThat(response.getHeader(HttpHeaders.LOCATION)).isEqualTo("/api/webhooks/" + id);
		assertThat(created.path("secret").asString()).startsWith("whsec_").hasSize(70);
		assertThat(created.path("webhook").path("eventTypes")).extracting(JsonNode::asString)
				.containsExactly("ResultRecorded", "HrFeedPublished");
		assertThat(created.path("webhook").path("createdBy").asString()).isEqualTo("pianificatore");
		assertThat(created.path("webhook").path("entity").asString()).isEqualTo("cciaa-brescia");
		String secret = created.path("secret").asString();
		assertThat(call(get("/api/webhooks/" + id)).getContentAsString()).contains(id).doesNotContain(secret)
				.doesNotContain("secret");
		assertThat(call(get("/api/webhooks")).getContentAsString()).contains(id).doesNotContain(secret);
	}

	@Test
	void everyInvalidFieldIsNamedByItsPointerAndNothingIsStored() throws Exception {
		int before = json(call(get("/api/webhooks"))).size();

		var response = call(register(body("url", "ftp://hooks.example.org/x", "eventTypes",
				List.of("ResultRecorded", "PlanPublished", "ResultRecorded"), "secret", "corto", "description",
				"d".repeat(501))));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode errors = json(response).path("errors");
		assertThat(errors).extracting(e -> e.path("pointer").asString() + " " + e.path("code").asString())
				.containsExactly("/url url-scheme", "/eventTypes/1 event-type-unknown",
						"/eventTypes/2 event-type-duplicate", "/secret secret-format", "/description text-too-long");
		assertThat(errors.get(0).path("message").asString()).isEqualTo("Sono ammessi solo indirizzi http o https.");
		assertThat(errors.get(4).path("message").asString()).isEqualTo("Al massimo 500 caratteri.");
		assertThat(json(call(get("/api/webhooks")))).hasSize(before);
	}

	@ParameterizedTest(name = "{0} → {1} {2}")
	@CsvSource(delimiter = '|', value = {
			"{\"eventTypes\":[\"ResultRecorded\"]}|/url|required",
			"{\"url\":\"http://127.0.0.1:9/hook\"}|/eventTypes|required",
			"{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[]}|/eventTypes|required",
			"{\"url\":\"https://u:p@hooks.example.org/\",\"eventTypes\":[\"ResultRecorded\"]}|/url|url-credentials",
			"{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"ResultRecorded\"],\"secret\":\"con spazio dentro!!\"}|/secret|secret-format",
			"{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":[\"ResultRecorded\",\"CheckpointClosed\",\"CheckpointReopened\",\"HrFeedPublished\",\"HrFeedWithdrawn\",\"ResultRecorded\"]}|/eventTypes|too-many-items" })
	void oneInvalidField(String body, String pointer, String code) throws Exception {
		var response = call(register(body));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(json(response).path("errors")).extracting(e -> e.path("pointer").asString(),
				e -> e.path("code").asString()).containsExactly(org.assertj.core.groups.Tuple.tuple(pointer, code));
	}

	@Test
	void aUrlOfMoreThan2000CharactersIsRefused() throws Exception {
		var response = call(register(body("url", "https://hooks.example.org/" + "a".repeat(2000), "eventTypes",
				List.of("ResultRecorded"))));

		assertThat(response.getStatus()).isEqualTo(422);
		assertThat(json(response).path("errors").get(0).path("code").asString()).isEqualTo("url-too-long");
	}

	@ParameterizedTest(name = "{0} → 400 at ''{1}''")
	@CsvSource(delimiter = '|', value = { "{|''", "{\"url\":\"http://127.0.0.1:9/hook\",\"eventTypes\":5}|/eventTypes",
			"{\"url\":[1],\"eventTypes\":[\"ResultRecorded\"]}|/url", "[]|''" })
	void aBodyThatCannotBeReadIs400NamingWhere(String body, String pointer) throws Exception {
		var response = call(register(body));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		JsonNode error = json(response).path("errors").get(0);
		assertThat(error.path("pointer").asString()).isEqualTo(pointer);
		assertThat(error.path("code").asString()).isEqualTo("malformed");
		assertThat(response.getContentAsString()).doesNotContain("jackson").doesNotContain("Exception");
	}

	@Test
	void noBodyIs400AndMessagesComeInEnglishOnRequest() throws Exception {
		var response = call(post("/api/webhooks").header(HttpHeaders.ACCEPT_LANGUAGE, "en"));

		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(json(response).path("errors").get(0).path("message").asString())
				.isEqualTo("The request has no (JSON) body.");
	}

	@Test
	void theNumberOfWebhooksOfAnEntityIsBounded() throws Exception {
		// the other entity's planner: the tests' bound is 5 active webhooks per entity
		for (int i = 0; i < 5; i++) {
			registerAs("altro-ente");
		}

		var refused = call(register(body("url", URL, "eventTypes", List.of("ResultRecorded")))
				.header(HttpHeaders.AUTHORIZATION, basic("altro-ente")));
		assertThat(refused.getStatus()).isEqualTo(422);
		assertThat(json(refused).path("errors").get(0).path("code").asString()).isEqualTo("too-many-subscriptions");

		String[] first = registered.remove(0);
		assertThat(call(delete("/api/webhooks/" + first[0]).header(HttpHeaders.AUTHORIZATION, basic("altro-ente")))
				.getStatus()).isEqualTo(204);
		registerAs("altro-ente");
		// the demo's entity has places of its own
		registerAs("pianificatore");
	}

	@ParameterizedTest
	@CsvSource({ "oiv", "lettore", "ufficio", "dirigente", "personale" })
	void onlyThePlannerRegisters(String user) throws Exception {
		int before = json(call(get("/api/webhooks"))).size();

		var response = call(register(body("url", URL, "eventTypes", List.of("ResultRecorded")))
				.header(HttpHeaders.AUTHORIZATION, basic(user)));

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(call(get("/api/webhooks").header(HttpHeaders.AUTHORIZATION, basic(user))).getStatus())
				.isEqualTo(403);
		assertThat(json(call(get("/api/webhooks")))).hasSize(before);
	}

	@Test
	void anonymousCallersAreAskedToAuthenticate() throws Exception {
		var response = call(register(body("url", URL, "eventTypes", List.of("ResultRecorded")))
				.header(HttpHeaders.AUTHORIZATION, ""));

		assertThat(response.getStatus()).isEqualTo(401);
	}

	@Test
	void anotherEntitysPlannerNeitherSeesNorDeletesTheWebhook() throws Exception {
		String id = registerAs("pianificatore");
		String other = basic("altro-ente");

		assertThat(call(get("/api/webhooks/" + id).header(HttpHeaders.AUTHORIZATION, other)).getStatus())
				.isEqualTo(404);
		assertThat(call(delete("/api/webhooks/" + id).header(HttpHeaders.AUTHORIZATION, other)).getStatus())
				.isEqualTo(404);
		assertThat(call(get("/api/webhooks/" + id + "/deliveries").header(HttpHeaders.AUTHORIZATION, other))
				.getStatus()).isEqualTo(404);
		assertThat(call(get("/api/webhooks").header(HttpHeaders.AUTHORIZATION, other)).getContentAsString())
				.doesNotContain(id);
		assertThat(json(call(get("/api/webhooks/" + id))).path("active").asBoolean()).isTrue();
	}

	@Test
	void aDeletedWebhookStaysListedAsInactive() throws Exception {
		String id = registerAs("pianificatore");

		assertThat(call(delete("/api/webhooks/" + id)).getStatus()).isEqualTo(204);

		JsonNode deleted = json(call(get("/api/webhooks/" + id)));
		assertThat(deleted.path("active").asBoolean()).isFalse();
		assertThat(deleted.path("deletedBy").asString()).isEqualTo("pianificatore");
		assertThat(call(get("/api/webhooks/" + id + "/deliveries?state=NOPE")).getStatus()).isEqualTo(400);
		assertThat(call(get("/api/webhooks/" + id + "/deliveries?limit=0")).getStatus()).isEqualTo(400);
	}
}
