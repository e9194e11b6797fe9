package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * Every reporting-service row of the access matrix of docs/security.md, as every role: the API with Basic
 * credentials, the dashboard (pages, the report, the live stream) with a session from the login form.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	static final Map<String, String> USERS = Map.of("PLANNER", "pianificatore", "OIV", "oiv", "VIEWER", "lettore",
			"AREA_OFFICE", "ufficio", "MANAGER", "dirigente", "HR", "personale");

	private final Map<String, MockHttpSession> sessions = new HashMap<>();

	@BeforeAll
	void seedTheDemo() {
		DemoStack.seed(PLAN, scores);
	}

	static Stream<Arguments> matrix() {
		return AccessMatrix.of("reporting").stream().flatMap(row -> row.expected().entrySet().stream()
			.map(cell -> Arguments.of(cell.getKey(), row.method(), row.path().replace("{plan}", PLAN), cell.getValue())));
	}

	@ParameterizedTest(name = "{0}: {1} {2} → {3}")
	@MethodSource("matrix")
	void eachRoleGetsWhatTheMatrixSays(String role, String method, String path, String expected) throws Exception {
		boolean dashboard = path.startsWith("/dashboard");
		var call = request(HttpMethod.valueOf(method), path);
		if (dashboard) {
			call.header(HttpHeaders.AUTHORIZATION, "");
			if (!role.equals("anonymous")) {
				call.session(sessions.computeIfAbsent(role, r -> SignIn.as(mvc, USERS.get(r))));
			}
		}
		else {
			call.header(HttpHeaders.AUTHORIZATION, role.equals("anonymous") ? "" : basic(USERS.get(role)));
		}

		MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();

		int status = response.getStatus();
		String body = response.getContentType() != null && response.getContentType().startsWith("application/pdf")
				? "(pdf)" : response.getContentAsString(StandardCharsets.UTF_8);
		switch (expected) {
			case "✓" -> {
				assertThat(status).as(body).isNotIn(401, 403);
				if (status == 302) {
					assertThat(response.getRedirectedUrl()).doesNotEndWith("/dashboard/login");
				}
			}
			case "401", "403" -> {
				assertThat(status).as(body).isEqualTo(Integer.parseInt(expected));
				assertThat(response.getContentType()).startsWith("application/problem+json");
			}
			case "page 403" -> {
				assertThat(status).as(body).isEqualTo(403);
				// rendered by the dashboard, or forwarded to the refusal page by the security chain
				if (response.getForwardedUrl() == null) {
					assertThat(response.getContentType()).startsWith("text/html");
				}
				else {
					assertThat(response.getForwardedUrl()).isEqualTo(SecurityConfiguration.FORBIDDEN_PAGE);
				}
			}
			case "login" -> {
				assertThat(status).isEqualTo(302);
				assertThat(response.getRedirectedUrl()).endsWith("/dashboard/login");
			}
			default -> throw new IllegalStateException("unknown expectation in docs/security.md: " + expected);
		}
	}
}
