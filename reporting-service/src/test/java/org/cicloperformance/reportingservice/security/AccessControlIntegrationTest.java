package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.audit.AuditEntry;
import org.cicloperformance.reportingservice.audit.AuditTrail;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import tools.jackson.databind.JsonNode;

/**
 * The JSON API, role by role, on the demo plan of "cciaa-brescia": each role gets exactly what it should, every
 * refusal is problem+json and on record, and another entity sees nothing (the users of application-test.yml).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIntegrationTest extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	static final String AT = "/api/plans/" + PLAN + "/checkpoints/2018-06-30";

	static final List<String> USERS = List.of("pianificatore", "oiv", "lettore", "ufficio", "dirigente", "personale");

	/**
	 * Endpoint, then the status for pianificatore (PLANNER), oiv (OIV), lettore (VIEWER), ufficio (AREA_OFFICE of
	 * ANA), dirigente (MANAGER dazzeo, whose objectives are all in ANA), personale (HR).
	 */
	static final Map<String, List<Integer>> MATRIX = matrix();

	private static Map<String, List<Integer>> matrix() {
		var rows = new java.util.LinkedHashMap<String, List<Integer>>();
		rows.put("GET " + AT + "/scores", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET " + AT + "/managers/dazzeo", List.of(200, 200, 200, 403, 200, 403));
		rows.put("GET " + AT + "/managers/ziletti", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET " + AT + "/areas/ANA", List.of(200, 200, 200, 200, 200, 403));
		rows.put("GET " + AT + "/areas/AMM", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET /api/plans/" + PLAN + "/indicators/2.1.3/3", List.of(200, 200, 200, 200, 200, 403));
		rows.put("GET /api/plans/" + PLAN + "/indicators/3.1.1/1", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET /api/plans/" + PLAN + "/trend", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET /api/plans/" + PLAN + "/trend?node=manager:dazzeo", List.of(200, 200, 200, 403, 200, 403));
		rows.put("GET /api/plans/" + PLAN + "/trend?node=area:ANA", List.of(200, 200, 200, 200, 200, 403));
		rows.put("GET /api/plans/" + PLAN + "/trend?node=indicator:3.1.1/1", List.of(200, 200, 200, 403, 403, 403));
		rows.put("GET " + AT + "/hr-feed", List.of(200, 200, 403, 403, 403, 200));
		rows.put("GET " + AT + "/hr-feed.csv", List.of(200, 200, 403, 403, 403, 200));
		rows.put("POST /api/admin/rebuild?planId=" + PLAN, List.of(200, 403, 403, 403, 403, 403));
		rows.put("GET /api/audit", List.of(200, 200, 403, 403, 403, 403));
		return rows;
	}

	@Autowired
	AuditTrail audit;

	@BeforeAll
	void seedTheDemo() {
		DemoStack.seed(PLAN, scores);
	}

	static Stream<Arguments> roles() {
		List<Arguments> rows = new ArrayList<>();
		MATRIX.forEach((endpoint, statuses) -> {
			for (int i = 0; i < USERS.size(); i++) {
				rows.add(Arguments.of(USERS.get(i), endpoint, statuses.get(i)));
			}
		});
		return rows.stream();
	}

	@ParameterizedTest(name = "{0}: {1} → {2}")
	@MethodSource("roles")
	void eachRoleGetsExactlyWhatItShould(String user, String endpoint, int expected) throws Exception {
		MockHttpServletResponse response = call(endpoint, basic(user));

		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(expected);
		if (expected == 403) {
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(json(response).path("title").asString()).isEqualTo("Operazione non consentita");
		}
	}

	static Stream<Arguments> anonymous() {
		return Stream.of(Arguments.of("GET " + AT + "/scores", 401), Arguments.of("GET " + AT + "/hr-feed.csv", 401),
				Arguments.of("POST /api/admin/rebuild", 401), Arguments.of("GET /api/audit", 401),
				Arguments.of("GET /actuator/info", 401), Arguments.of("GET /actuator/metrics", 401),
				Arguments.of("GET /actuator/health", 200), Arguments.of("GET /actuator/health/liveness", 200),
				Arguments.of("GET /actuator/prometheus", 200), Arguments.of("GET /v3/api-docs", 200),
				Arguments.of("GET /swagger-ui/index.html", 200));
	}

	@ParameterizedTest(name = "anonymous: {0} → {1}")
	@MethodSource("anonymous")
	void anonymousCallersGetOnlyHealthMetricsAndTheApiDocs(String endpoint, int expected) throws Exception {
		MockHttpServletResponse response = call(endpoint, "");

		assertThat(response.getStatus()).isEqualTo(expected);
		if (expected == 401) {
			assertThat(response.getContentType()).startsWith("application/problem+json");
			assertThat(response.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic realm=");
			assertThat(json(response).path("title").asString()).isEqualTo("Autenticazione richiesta");
		}
	}

	@Test
	void refusalsSpeakTheCallersLanguage() throws Exception {
		MockHttpServletResponse response = mvc.perform(get(AT + "/scores")
				.header(HttpHeaders.AUTHORIZATION, basic("personale")).header("Accept-Language", "en")).andReturn()
				.getResponse();

		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(json(response).path("title").asString()).isEqualTo("Not allowed");
	}

	@Test
	void refusedCallsAndAWrongPasswordAreOnRecord() throws Exception {
		Instant start = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
		call("GET " + AT + "/managers/ziletti", basic("dirigente"));
		call("POST /api/admin/rebuild?planId=" + PLAN, basic("oiv"));
		call("GET " + AT + "/scores", basic("pianificatore", "sbagliata"));

		JsonNode trail = json(call("GET /api/audit?from=" + start, basic("oiv")));

		assertThat(entries(trail, "dirigente", AT + "/managers/ziletti")).containsExactly("GET 403 REFUSED");
		assertThat(entries(trail, "oiv", "/api/admin/rebuild")).containsExactly("POST 403 REFUSED");
		assertThat(trail.findValues("entity")).extracting(JsonNode::asString).containsOnly("cciaa-brescia");
		// a wrong password: on record with the name tried, in that known user's entity's trail
		assertThat(audit.of("cciaa-brescia", start, 100)).extracting(AuditEntry::actor, AuditEntry::path,
				AuditEntry::status, AuditEntry::outcome).contains(tuple("pianificatore", AT + "/scores", 401, "REFUSED"));
	}

	@Test
	void aRebuildIsOnRecordWithWhoAndFromWhere() throws Exception {
		MockHttpServletResponse rebuild = call("POST /api/admin/rebuild?planId=" + PLAN, basic("pianificatore"));

		assertThat(rebuild.getStatus()).isEqualTo(200);
		JsonNode trail = json(call("GET /api/audit", basic("pianificatore")));
		JsonNode entry = first(trail, "pianificatore", "/api/admin/rebuild");
		assertThat(entry.path("method").asString()).isEqualTo("POST");
		assertThat(entry.path("status").asInt()).isEqualTo(200);
		assertThat(entry.path("outcome").asString()).isEqualTo("ALLOWED");
		assertThat(entry.path("entity").asString()).isEqualTo("cciaa-brescia");
		assertThat(entry.path("remoteAddress").asString()).isEqualTo("127.0.0.1");
	}

	@Test
	void anotherEntitysPlannerSeesNothingOfThisEntity() throws Exception {
		String other = basic("altro-ente");

		for (String endpoint : MATRIX.keySet()) {
			if (endpoint.contains("/api/plans/") || endpoint.contains("?planId=")) {
				assertThat(call(endpoint, other).getStatus()).as(endpoint).isEqualTo(404);
			}
		}
		assertThat(json(call("GET " + AT + "/scores", other)).path("detail").asString())
				.isEqualTo(json(call("GET /api/plans/nessuno/checkpoints/2018-06-30/scores", other)).path("detail")
						.asString().replace("nessuno", PLAN));
		JsonNode rebuiltForTheOther = json(call("POST /api/admin/rebuild", other));
		assertThat(rebuiltForTheOther.path("rebuilt").toString()).doesNotContain(PLAN);
		assertThat(json(call("GET /api/audit?limit=1000", other)).findValues("entity")).extracting(JsonNode::asString)
				.containsOnly("cciaa-bergamo");
	}

	@Test
	void aPlannerRebuildsEveryPlanOfItsOwnEntityOnly() throws Exception {
		JsonNode report = json(call("POST /api/admin/rebuild", basic("pianificatore")));

		assertThat(report.path("rebuilt").toString()).contains(PLAN + "#2018-06-30");
		assertThat(report.path("differing")).isEmpty();
	}

	@Test
	void anOversizedBodyIsRefusedBeforeItIsRead() throws Exception {
		MockHttpServletResponse response = mvc.perform(post("/api/admin/rebuild")
				.contentType("application/json").content("x".repeat(100 * 1024))).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(413);
	}

	// --- helpers ---

	private MockHttpServletResponse call(String endpoint, String authorization) throws Exception {
		String[] parts = endpoint.split(" ", 2);
		return mvc.perform(request(HttpMethod.valueOf(parts[0]), parts[1]).header(HttpHeaders.AUTHORIZATION,
				authorization)).andReturn().getResponse();
	}

	private static JsonNode json(MockHttpServletResponse response) throws Exception {
		return Seed.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8));
	}

	private static List<String> entries(JsonNode trail, String actor, String path) {
		List<String> out = new ArrayList<>();
		trail.forEach(e -> {
			if (actor.equals(e.path("actor").asString()) && path.equals(e.path("path").asString())) {
				out.add(e.path("method").asString() + " " + e.path("status").asInt() + " "
						+ e.path("outcome").asString());
			}
		});
		return out;
	}

	private static JsonNode first(JsonNode trail, String actor, String path) {
		for (JsonNode e : trail) {
			if (actor.equals(e.path("actor").asString()) && path.equals(e.path("path").asString())) {
				return e;
			}
		}
		throw new AssertionError("no audit entry of " + actor + " on " + path + " in " + trail);
	}
}
