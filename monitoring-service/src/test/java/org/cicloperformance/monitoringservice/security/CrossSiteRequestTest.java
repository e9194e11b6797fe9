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
 * Demo mode (Basic passwords): a page of another site cannot make a signed-in browser record results, start a
 * review or close a checkpoint, while the service's own pages and non-browser clients still can.
 */
class CrossSiteRequestTest extends IntegrationTestBase {

	static final String PLAN = "piano-cross-site-" + UUID.randomUUID();

	static final String CSV = "piano;obiettivo;indicatore;checkpoint;valore\n" + PLAN + ";1.1.1;3;30/06/2018;80,5%\n";

	@Autowired
	MockMvcTester mvc;

	@Autowired
	PlanVersionStore plans;

	@BeforeEach
	void aKnownPlan() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(PLAN)));
	}

	@Test
	void aCrossSiteFormPostingACsvAsPlainTextIsRefusedAndStoresNothing() {
		String csv = "piano;obiettivo;indicatore;checkpoint;valore\n" + PLAN + ";1.1.1;4;30/06/2018;5\n";
		var response = mvc.post().uri("/api/results/csv").header("Sec-Fetch-Site", "cross-site")
			.header(HttpHeaders.ORIGIN, "https://evil.example").contentType(MediaType.TEXT_PLAIN).content(csv)
			.exchange();

		assertCrossSiteRefusal(response);
		assertThat(mvc.get().uri("/api/results/" + PLAN + "/1.1.1/4/2018-06-30/versions"))
			.hasStatus(HttpStatus.NOT_FOUND);
		assertThat(mvc.get().uri("/api/audit").header(HttpHeaders.AUTHORIZATION, basic("oiv"))).bodyJson()
			.extractingPath("$[?(@.path == '/api/results/csv' && @.status == 403 && @.actor == 'ufficio-anagrafe')]")
			.asArray().isNotEmpty();
	}

	@Test
	void aCrossSiteFormCannotStartAReviewOrCloseACheckpoint() {
		for (var action : new String[] { "review", "closing" }) {
			var response = mvc.post().uri("/api/checkpoints/" + PLAN + "/2018-06-30/" + action)
				.header(HttpHeaders.AUTHORIZATION, basic("oiv")).header("Sec-Fetch-Site", "cross-site")
				.contentType(MediaType.TEXT_PLAIN).content("").exchange();

			assertCrossSiteRefusal(response);
		}
		var older = mvc.post().uri("/api/checkpoints/" + PLAN + "/2018-06-30/review")
			.header(HttpHeaders.AUTHORIZATION, basic("oiv")).header(HttpHeaders.ORIGIN, "null").exchange();
		assertCrossSiteRefusal(older);
		assertThat(mvc.get().uri("/api/checkpoints/" + PLAN + "/2018-06-30")
			.header(HttpHeaders.AUTHORIZATION, basic("pianificatore"))).bodyJson().extractingPath("$.status")
			.isEqualTo("OPEN");
	}

	@Test
	void theServicesOwnPagesAndNonBrowserClientsStillWork() {
		String csv = "piano;obiettivo;indicatore;checkpoint;valore\n" + PLAN + ";1.1.1;3;31/12/2018;81%\n";
		assertThat(mvc.post().uri("/api/results/csv").header("Sec-Fetch-Site", "same-origin")
			.header(HttpHeaders.ORIGIN, "http://localhost").contentType(MediaType.parseMediaType("text/csv"))
			.content(csv)).hasStatus(HttpStatus.CREATED);
		assertThat(mvc.post().uri("/api/results/csv").contentType(MediaType.TEXT_PLAIN).content(CSV))
			.hasStatus(HttpStatus.CREATED);
		assertThat(mvc.post().uri("/api/checkpoints/" + PLAN + "/2018-12-31/review")
			.header(HttpHeaders.AUTHORIZATION, basic("oiv"))).satisfies(
					r -> assertThat(r.getResponse().getStatus()).isNotEqualTo(HttpStatus.FORBIDDEN.value()));
	}

	@Test
	void aBrowserIsNeverInvitedToBasicAuthenticationButACommandLineClientIs() {
		var browser = mvc.get().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "")
			.header("Sec-Fetch-Site", "none").header(HttpHeaders.ACCEPT, "text/html").exchange();
		var curl = mvc.get().uri("/api/results").header(HttpHeaders.AUTHORIZATION, "").exchange();

		assertThat(browser).hasStatus(HttpStatus.UNAUTHORIZED);
		assertThat(browser.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).doesNotContainIgnoringCase("basic");
		assertThat(curl.getResponse().getHeader(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}

	private static void assertCrossSiteRefusal(MvcTestResult response) {
		assertThat(response).hasStatus(HttpStatus.FORBIDDEN)
			.hasContentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response).bodyJson().extractingPath("$.type")
			.isEqualTo("https://cicloperformance.org/problems/cross-site");
	}
}
