package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * Demo mode (Basic passwords): a page of another site cannot make a signed-in browser rebuild the read model,
 * while the service's own pages and non-browser clients still can.
 */
class CrossSiteRequestTest extends IntegrationTest {

	@Test
	void aCrossSiteFormCannotRebuild() throws Exception {
		mvc.perform(post("/api/admin/rebuild").header("Sec-Fetch-Site", "cross-site")
			.header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.TEXT_PLAIN).content("x"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.type").value("https://cicloperformance.org/problems/cross-site"));
		mvc.perform(post("/api/admin/rebuild").header(HttpHeaders.ORIGIN, "https://evil.example"))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/audit")).andExpect(
				jsonPath("$[?(@.path == '/api/admin/rebuild' && @.status == 403 && @.actor == 'pianificatore')]")
					.isNotEmpty());
	}

	@Test
	void theServicesOwnPagesAndNonBrowserClientsStillReachTheOperation() throws Exception {
		// a plan that does not exist: the call gets past the check and is answered by the operation itself
		mvc.perform(post("/api/admin/rebuild?planId=nessun-piano").header("Sec-Fetch-Site", "same-origin")
			.header(HttpHeaders.ORIGIN, "http://localhost")).andExpect(status().isNotFound());
		mvc.perform(post("/api/admin/rebuild?planId=nessun-piano")).andExpect(status().isNotFound());
	}

	@Test
	void aBrowserIsNeverInvitedToBasicAuthenticationButACommandLineClientIs() throws Exception {
		var browser = mvc.perform(get("/api/audit").header(HttpHeaders.AUTHORIZATION, "")
			.header("Sec-Fetch-Site", "none").header(HttpHeaders.ACCEPT, "text/html")).andReturn().getResponse();
		var curl = mvc.perform(get("/api/audit").header(HttpHeaders.AUTHORIZATION, "")).andReturn().getResponse();

		assertThat(browser.getStatus()).isEqualTo(401);
		assertThat(browser.getHeader(HttpHeaders.WWW_AUTHENTICATE)).doesNotContainIgnoringCase("basic");
		assertThat(curl.getStatus()).isEqualTo(401);
		assertThat(curl.getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}
}
