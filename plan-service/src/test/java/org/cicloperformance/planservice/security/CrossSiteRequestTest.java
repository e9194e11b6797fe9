package org.cicloperformance.planservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.planservice.support.AuthenticatedAsPlanner.basic;

import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Demo mode (Basic passwords): a page of another site cannot make a signed-in browser change anything, while the
 * service's own pages and non-browser clients (curl, scripts, no fetch metadata) still can.
 */
class CrossSiteRequestTest extends SecurityWebTest {

	@Autowired
	MockMvcTester mvc;

	@Test
	void aCrossSiteFormPostingAPlanAsPlainTextIsRefusedAndCreatesNothing() {
		var response = mvc.post().uri("/api/plans").header("Sec-Fetch-Site", "cross-site")
			.header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.TEXT_PLAIN)
			.content(PlanRequests.planJson("ente-test", 2061)).exchange();

		assertThat(response).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.type")
			.isEqualTo("https://cicloperformance.org/problems/cross-site");
		assertThat(mvc.get().uri("/api/plans/ente-test-2061")).hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/audit")).bodyJson()
			.extractingPath("$[?(@.path == '/api/plans' && @.status == 403)].actor").asArray().isNotEmpty();
	}

	@Test
	void anOlderBrowserWithAForeignOriginIsRefused() {
		assertThat(mvc.post().uri("/api/plans/validation").header(HttpHeaders.ORIGIN, "http://evil.example:8081")
			.contentType(MediaType.APPLICATION_JSON).content(PlanRequests.planJson("ente-test", 2062)))
			.hasStatus(HttpStatus.FORBIDDEN);
		assertThat(mvc.post().uri("/api/plans/validation").header("Sec-Fetch-Site", "same-site")
			.header(HttpHeaders.ORIGIN, "http://localhost:8083").contentType(MediaType.APPLICATION_JSON)
			.content(PlanRequests.planJson("ente-test", 2062))).hasStatus(HttpStatus.FORBIDDEN);
	}

	@Test
	void theServicesOwnPagesAndNonBrowserClientsStillWork() {
		assertThat(mvc.post().uri("/api/plans/validation").header("Sec-Fetch-Site", "same-origin")
			.header(HttpHeaders.ORIGIN, "http://localhost").contentType(MediaType.APPLICATION_JSON)
			.content(PlanRequests.planJson("ente-test", 2063))).hasStatusOk();
		assertThat(mvc.post().uri("/api/plans/validation").header(HttpHeaders.ORIGIN, "http://localhost:80")
			.contentType(MediaType.APPLICATION_JSON).content(PlanRequests.planJson("ente-test", 2063))).hasStatusOk();
		assertThat(mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON)
			.content(PlanRequests.planJson("ente-test", 2063))).hasStatus(HttpStatus.CREATED);
	}

	@Test
	void aBrowserIsNeverInvitedToBasicAuthenticationButACommandLineClientIs() {
		var browser = mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "")
			.header("Sec-Fetch-Site", "none").header("Sec-Fetch-Mode", "navigate")
			.header(HttpHeaders.ACCEPT, "text/html,application/xhtml+xml").exchange();
		var curl = mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, "").exchange();

		assertThat(browser).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(browser.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).doesNotContainIgnoringCase("basic");
		assertThat(curl).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(curl.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}

	@Test
	void aWrongPasswordFromABrowserIsNotAnInvitationEither() {
		var response = mvc.get().uri("/api/plans").header(HttpHeaders.AUTHORIZATION, basic("nessuno"))
			.header("Sec-Fetch-Site", "cross-site").exchange();

		assertThat(response).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(response.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).doesNotContainIgnoringCase("basic");
	}
}
