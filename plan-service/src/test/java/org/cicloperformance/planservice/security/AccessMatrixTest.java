package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.planservice.support.AuthenticatedAsPlanner.basic;

import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Every plan-service row of the access matrix of docs/security.md, as every role. */
class AccessMatrixTest extends SecurityWebTest {

	static final String PLAN = "ente-test-2050";

	static final Map<String, String> USERS = Map.of("PLANNER", "pianificatore", "OIV", "oiv", "VIEWER", "lettore",
			"AREA_OFFICE", "ufficio", "MANAGER", "dirigente", "HR", "personale");

	@Autowired
	MockMvcTester mvc;

	@BeforeEach
	void anApprovedPlan() {
		if (mvc.get().uri("/api/plans/" + PLAN).exchange().getResponse().getStatus() == 404) {
			PlanRequests.createAndApprove(mvc, 2050);
		}
	}

	static Stream<Arguments> matrix() {
		return AccessMatrix.of("plan").stream().flatMap(row -> row.expected().entrySet().stream()
			.map(cell -> Arguments.of(cell.getKey(), row.method(), row.path().replace("{plan}", PLAN), cell.getValue())));
	}

	/** A body the operation can read, so that the answer is the access rule's (or the operation's own). */
	static String body(String method, String path) {
		if (method.equals("GET")) {
			return null;
		}
		if (path.equals("/api/plans") || path.equals("/api/plans/validation") || path.endsWith("/draft")) {
			return PlanRequests.planJson("ente-test", path.endsWith("/draft") ? 2050 : 2071);
		}
		if (path.equals("/api/plans/import")) {
			return "{\"plan\": " + PlanRequests.planJson("ente-test", 2072) + "}";
		}
		if (path.endsWith("/revisions")) {
			return AccessControlIntegrationTest.REVISION;
		}
		if (path.endsWith("/proposals")) {
			return "{\"checkpoint\": \"2018-12-31\", \"reason\": \"Prova\", \"changes\": []}";
		}
		if (path.endsWith("/rejection")) {
			return "{\"reason\": \"Prova\"}";
		}
		return "{\"act\": {\"number\": \"9\", \"date\": \"2050-02-01\"}, \"number\": \"9\", \"date\": \"2050-02-01\"}";
	}

	@ParameterizedTest(name = "{0}: {1} {2} → {3}")
	@MethodSource("matrix")
	void eachRoleGetsWhatTheMatrixSays(String role, String method, String path, String expected) {
		var request = mvc.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION,
				role.equals("anonymous") ? "" : basic(USERS.get(role)));
		String body = body(method, path);
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}

		var response = request.exchange();

		int status = response.getResponse().getStatus();
		if (expected.equals("✓")) {
			assertThat(status).isNotIn(401, 403);
		}
		else {
			assertThat(response).hasStatus(Integer.parseInt(expected))
				.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
	}
}
