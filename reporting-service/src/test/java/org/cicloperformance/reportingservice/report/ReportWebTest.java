package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.support.AuthenticatedAsPlanner.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The report's addresses on the demo plan: headers and file name, who may read it (any role of the plan's entity),
 * what is not found, and the dashboard's link and copy of the PDF.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportWebTest extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	static final String REPORT = "/api/plans/" + PLAN + "/checkpoints/2018-06-30/report";

	@BeforeAll
	void seedTheDemo() {
		DemoStack.seed(PLAN, scores);
	}

	@Test
	void thePdfIsAnAttachmentNamedAfterThePlanAndTheCheckpoint() throws Exception {
		MockHttpServletResponse pdf = mvc.perform(get(REPORT + ".pdf")).andReturn().getResponse();

		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
		assertThat(pdf.getHeader(HttpHeaders.CONTENT_DISPOSITION))
				.isEqualTo("attachment; filename=\"relazione-monitoraggio-cciaa-brescia-2018-2018-06-30.pdf\"");
		assertThat(new String(pdf.getContentAsByteArray(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
	}

	@Test
	void theHtmlIsServedInlineInItalianAndInEnglishOnRequest() throws Exception {
		MockHttpServletResponse italian = mvc.perform(get(REPORT + ".html")).andReturn().getResponse();
		MockHttpServletResponse english = mvc.perform(get(REPORT + ".html").param("lang", "en")).andReturn()
				.getResponse();

		assertThat(italian.getStatus()).isEqualTo(200);
		assertThat(italian.getContentType()).isEqualTo("text/html;charset=UTF-8");
		assertThat(italian.getHeader(HttpHeaders.CONTENT_DISPOSITION))
				.isEqualTo("inline; filename=\"relazione-monitoraggio-cciaa-brescia-2018-2018-06-30.html\"");
		assertThat(italian.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"it\"",
				"Relazione sul monitoraggio", "Pesi degli obiettivi delle aree dirigenziali", "Non ancora validata");
		assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("lang=\"en\"", "Monitoring report",
				"Weights of the managers", "Not yet validated").doesNotContain("Pesi degli obiettivi");
	}

	/** The report holds every manager's scores: only the roles that read the whole plan (docs/security.md). */
	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "pianificatore, 200", "oiv, 200", "lettore, 200", "dirigente, 403",
			"ufficio, 403", "personale, 403" })
	void onlyTheRolesThatReadTheWholePlanReadTheReport(String user, int expected) throws Exception {
		MockHttpServletResponse html = mvc.perform(get(REPORT + ".html").header(HttpHeaders.AUTHORIZATION,
				basic(user))).andReturn().getResponse();
		MockHttpServletResponse pdf = mvc.perform(get(REPORT + ".pdf").header(HttpHeaders.AUTHORIZATION,
				basic(user))).andReturn().getResponse();

		assertThat(html.getStatus()).isEqualTo(expected);
		assertThat(pdf.getStatus()).isEqualTo(expected);
	}

	@Test
	void anotherEntitysPlanIsAnsweredAsOneThatDoesNotExist() throws Exception {
		MockHttpServletResponse other = mvc.perform(get(REPORT + ".pdf").header(HttpHeaders.AUTHORIZATION,
				basic("altro-ente"))).andReturn().getResponse();
		MockHttpServletResponse unknown = mvc.perform(get("/api/plans/nessun-piano/checkpoints/2018-06-30/report.pdf")
				.header(HttpHeaders.AUTHORIZATION, basic("altro-ente"))).andReturn().getResponse();

		assertThat(other.getStatus()).isEqualTo(404);
		assertThat(other.getContentType()).startsWith("application/problem+json");
		assertThat(Seed.JSON.readTree(other.getContentAsString(StandardCharsets.UTF_8)).path("detail").asString())
				.isEqualTo(Seed.JSON.readTree(unknown.getContentAsString(StandardCharsets.UTF_8)).path("detail")
						.asString().replace("nessun-piano", PLAN));
	}

	@Test
	void aCheckpointWithoutScoresIsNotFound() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/api/plans/" + PLAN + "/checkpoints/2018-03-31/report.pdf"))
				.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(Seed.JSON.readTree(response.getContentAsString(StandardCharsets.UTF_8)).path("detail").asString())
				.isEqualTo("Nessun punteggio per il piano cciaa-brescia-2018 alla verifica 2018-03-31.");
	}

	@Test
	void anAnonymousCallerMustAuthenticate() throws Exception {
		MockHttpServletResponse response = mvc.perform(get(REPORT + ".pdf").header(HttpHeaders.AUTHORIZATION, ""))
				.andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(401);
	}

	@Test
	void theDashboardOverviewLinksThePdfWhichItsSessionDownloads() throws Exception {
		MockHttpSession session = SignIn.as(mvc, "lettore");
		String overview = mvc.perform(get("/dashboard/plans/" + PLAN).param("checkpoint", "2018-06-30")
				.session(session)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String href = "/dashboard/plans/" + PLAN + "/report.pdf?checkpoint=2018-06-30";

		MockHttpServletResponse pdf = mvc.perform(get(href).session(session)).andReturn().getResponse();

		assertThat(overview).contains("href=\"" + href + "\"", "Scarica la relazione (PDF)");
		assertThat(pdf.getStatus()).isEqualTo(200);
		assertThat(pdf.getContentType()).isEqualTo("application/pdf");
	}
}
