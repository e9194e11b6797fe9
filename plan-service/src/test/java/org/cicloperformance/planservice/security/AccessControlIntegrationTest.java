package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.planservice.support.AuthenticatedAsPlanner.basic;

import java.util.stream.Stream;
import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Each role gets exactly what it should from each endpoint; everything else is refused, recorded, and changes nothing. */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest
@AutoConfigureMockMvc
class AccessControlIntegrationTest {

	static final String PLAN = "ente-test-2050";

	static final String ACT = "{\"number\": \"7\", \"date\": \"2050-01-31\"}";

	static final String REVISION = """
			{"baseVersion": 1, "reason": "Prova", "appliesTo": ["2018-12-31"], "act": {"number": "8", "date": "2050-09-01"},
			 "changes": [{"type": "TARGET_CHANGED", "objective": "1.1.1", "indicator": "1",
			   "target": {"checkpoint": "2018-12-31", "number": 1200, "text": "1.200"}}]}""";

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		InProcessInfrastructure.register(registry, "plans-access");
	}

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void anApprovedPlan() {
		if (mvc.get().uri("/api/plans/" + PLAN).exchange().getResponse().getStatus() == 404) {
			PlanRequests.createAndApprove(mvc, 2050);
		}
	}

	static Stream<Arguments> matrix() {
		var reads = Stream.of("pianificatore", "ufficio", "dirigente", "oiv", "lettore")
			.flatMap(user -> Stream.of(row(user, HttpMethod.GET, "/api/plans/" + PLAN, null, 200),
					row(user, HttpMethod.GET, "/api/plans/" + PLAN + "/versions", null, 200),
					row(user, HttpMethod.GET, "/api/plans/" + PLAN + "/diff?from=1&to=1", null, 200),
					row(user, HttpMethod.GET, "/api/plans", null, 200)));
		var hrReads = Stream.of(row("personale", HttpMethod.GET, "/api/plans/" + PLAN, null, 403),
				row("personale", HttpMethod.GET, "/api/plans", null, 403));
		var writes = Stream.of("ufficio", "dirigente", "oiv", "personale", "lettore")
			.flatMap(user -> Stream.of(row(user, HttpMethod.POST, "/api/plans", "PLAN_2051", 403),
					row(user, HttpMethod.POST, "/api/plans/" + PLAN + "/revisions", REVISION, 403),
					row(user, HttpMethod.POST, "/api/plans/validation", "PLAN_2051", 403)));
		var audit = Stream.of(row("pianificatore", HttpMethod.GET, "/api/audit", null, 200),
				row("oiv", HttpMethod.GET, "/api/audit", null, 200),
				row("ufficio", HttpMethod.GET, "/api/audit", null, 403),
				row("dirigente", HttpMethod.GET, "/api/audit", null, 403),
				row("personale", HttpMethod.GET, "/api/audit", null, 403),
				row("lettore", HttpMethod.GET, "/api/audit", null, 403));
		var anonymous = Stream.of(row(null, HttpMethod.GET, "/api/plans", null, 401),
				row(null, HttpMethod.POST, "/api/plans", "PLAN_2051", 401),
				row(null, HttpMethod.GET, "/actuator/health", null, 200),
				row(null, HttpMethod.GET, "/actuator/prometheus", null, 200),
				row(null, HttpMethod.GET, "/actuator/info", null, 401),
				row(null, HttpMethod.GET, "/v3/api-docs", null, 200));
		return Stream.of(reads, hrReads, writes, audit, anonymous).flatMap(s -> s);
	}

	@ParameterizedTest(name = "{0} {1} {2} → {4}")
	@MethodSource("matrix")
	void eachRoleGetsExactlyWhatItShould(String user, HttpMethod method, String path, String body, int expected) {
		var request = mvc.method(method).uri(path).header(HttpHeaders.AUTHORIZATION, user == null ? "" : basic(user));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON)
				.content("PLAN_2051".equals(body) ? PlanRequests.planJson("ente-test", 2051) : body);
		}

		var response = request.exchange();

		assertThat(response).hasStatus(expected);
		if (expected == 401 || expected == 403) {
			assertThat(response).hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}

	@Test
	void aRefusedWriteChangesNothingAndIsOnRecord() {
		var response = mvc.post().uri("/api/plans/" + PLAN + "/revisions").header(HttpHeaders.AUTHORIZATION,
				basic("dirigente")).contentType(MediaType.APPLICATION_JSON).content(REVISION).exchange();

		assertThat(response).hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/plans/" + PLAN)).bodyJson().extractingPath("$.currentVersion").isEqualTo(1);
		assertThat(mvc.get().uri("/api/plans/ente-test-2051")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv")))
			.bodyJson()
			.extractingPath("$[?(@.actor == 'dirigente' && @.path == '/api/plans/" + PLAN + "/revisions')].outcome")
			.asArray()
			.contains("REFUSED");
	}

	@Test
	void anAllowedWriteIsOnRecordWithWhoAndFromWhere() {
		mvc.post().uri("/api/plans/validation").contentType(MediaType.APPLICATION_JSON)
			.content(PlanRequests.planJson("ente-test", 2052)).exchange();

		assertThat(mvc.get().uri("/api/audit")).bodyJson()
			.extractingPath("$[?(@.path == '/api/plans/validation')]")
			.asArray()
			.isNotEmpty();
		assertThat(mvc.get().uri("/api/audit")).bodyJson()
			.extractingPath("$[?(@.path == '/api/plans/validation')].remoteAddress")
			.asArray()
			.contains("127.0.0.1");
	}

	@Test
	void anotherEntitysPlannerSeesNothingOfThisEntity() {
		var other = basic("altro-ente");

		assertThat(mvc.get().uri("/api/plans/" + PLAN).header(HttpHeaders.AUTHORIZATION, other))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, other)).bodyJson()
			.extractingPath("$.length()")
			.isEqualTo(0);
		assertThat(mvc.post().uri("/api/plans/" + PLAN + "/revisions").header(HttpHeaders.AUTHORIZATION, other)
			.contentType(MediaType.APPLICATION_JSON).content(REVISION)).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.post().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, other)
			.contentType(MediaType.APPLICATION_JSON).content(PlanRequests.planJson("ente-test", 2053)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, other)).bodyJson()
			.extractingPath("$[?(@.entity == 'ente-test')]")
			.asArray()
			.isEmpty();
	}

	@Test
	void aWrongPasswordIsRefused() {
		assertThat(mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "Basic cGlhbmlmaWNhdG9yZTpzYmFnbGlhdGE="))
			.hasStatus(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void anOversizedBodyIsRefusedBeforeItIsRead() {
		var huge = "{\"entity\": \"" + "x".repeat(3 * 1024 * 1024) + "\"}";

		assertThat(mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON).content(huge))
			.hasStatus(HttpStatus.PAYLOAD_TOO_LARGE);
	}

	private static Arguments row(String user, HttpMethod method, String path, String body, int status) {
		return Arguments.of(user, method, path, body, status);
	}
}
