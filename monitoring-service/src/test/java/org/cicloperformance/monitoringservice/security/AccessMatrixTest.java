package org.cicloperformance.monitoringservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Every monitoring-service row of the access matrix of docs/security.md, as every role. */
class AccessMatrixTest extends IntegrationTestBase {

	static final String PLAN = "piano-matrice-" + UUID.randomUUID();

	static final String RESULT = "/api/results/" + PLAN + "/1.1.1/1/2018-06-30";

	static final Map<String, String> USERS = Map.of("PLANNER", "pianificatore", "OIV", "oiv", "VIEWER", "lettore",
			"AREA_OFFICE", "ufficio-anagrafe", "MANAGER", "dirigente", "HR", "personale");

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	@BeforeEach
	void aKnownPlanWithAResult() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(PLAN)));
		if (mvc.get().uri(RESULT + "/versions").exchange().getResponse().getStatus() == 404) {
			assertThat(mvc.post().uri("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(AccessControlTest.item("1.1.1", "1", "2018-06-30", 500)
					.replace(AccessControlTest.PLAN, PLAN))).hasStatus(HttpStatus.CREATED);
		}
	}

	static Stream<Arguments> matrix() {
		return AccessMatrix.of("monitoring").stream().flatMap(row -> row.expected().entrySet().stream()
			.map(cell -> Arguments.of(cell.getKey(), row.method(), row.path().replace("{plan}", PLAN), cell.getValue())));
	}

	@ParameterizedTest(name = "{0}: {1} {2} → {3}")
	@MethodSource("matrix")
	void eachRoleGetsWhatTheMatrixSays(String role, String method, String path, String expected) {
		var request = mvc.method(HttpMethod.valueOf(method)).uri(path).header(HttpHeaders.AUTHORIZATION,
				role.equals("anonymous") ? "" : basic(USERS.get(role)));
		if (method.equals("POST")) {
			String item = AccessControlTest.item("1.1.1", "2", "2018-06-30", 7).replace(AccessControlTest.PLAN, PLAN);
			if (path.equals("/api/results")) {
				request = request.contentType(MediaType.APPLICATION_JSON).content(item);
			}
			else if (path.equals("/api/results/batch")) {
				request = request.contentType(MediaType.APPLICATION_JSON).content("{\"results\":[" + item + "]}");
			}
			else if (path.equals("/api/results/csv")) {
				request = request.contentType(MediaType.parseMediaType("text/csv"))
					.content("piano;obiettivo;indicatore;checkpoint;valore\n" + PLAN + ";1.1.1;3;30/06/2018;80,5%\n");
			}
			else {
				request = request.contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Prova\"}");
			}
		}

		if (method.equals("PUT")) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(path.startsWith("/api/calendars")
					? "{\"opensOn\":\"2018-06-01\",\"closesOn\":\"2018-07-15\",\"reminderDays\":[-7]}"
					: "{\"date\":\"2018-07-08\"}");
		}

		var response = method.equals("POST") && (path.endsWith("/evidence") || path.endsWith("/xlsx"))
				? mvc.post().uri(path).header(HttpHeaders.AUTHORIZATION,
						role.equals("anonymous") ? "" : basic(USERS.get(role))).multipart()
					.file(new MockMultipartFile("file", "prova.txt", "text/plain", "prova".getBytes())).exchange()
				: request.exchange();

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
