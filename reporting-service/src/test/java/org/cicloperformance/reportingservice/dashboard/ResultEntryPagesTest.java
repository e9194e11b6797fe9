package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.MonitoringStub;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMultipartHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;

/**
 * The area office's result entry without a browser: the list of what is due, the form per measure kind with the
 * version in force carried forward, Italian formats, the engine's preview, and the post to monitoring-service
 * (its stand-in, {@link MonitoringStub}) as the signed-in user, with its refusals shown next to their fields.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultEntryPagesTest extends IntegrationTest {

	static final String PLAN = "entry-web-2018";

	static final String JUNE = "2018-06-30";

	@Autowired
	ResultFacts results;

	static final String DECEMBER = "2018-12-31";

	MockHttpSession office;

	@BeforeAll
	void seedTheDemoAndSignInAsTheOffice() {
		DemoStack.seed(PLAN, scores);
		MonitoringStub.knownVersions(key -> {
			String[] parts = key.split("#");
			return results.latest(parts[0], parts[1], parts[2], parts[3]).map(ResultFact::resultVersion).orElse(0);
		});
		office = SignIn.as(mvc, "ufficio");
	}

	@Test
	void theOfficeSeesOnlyItsAreasIndicatorsDueWithTargetResultInForceAndPreviousCheckpoint() throws Exception {
		String june = html(get("/dashboard/plans/" + PLAN + "/entry?checkpoint=" + JUNE), office, 200);
		String december = html(get("/dashboard/plans/" + PLAN + "/entry?checkpoint=2018-12-31"), office, 200);

		assertThat(june).contains("Risultati da inserire alla verifica 30/6").contains("Area Anagrafica")
			.contains("id=\"entry-2.1.3-3\"").contains("600 ").contains("527").contains("Correggi")
			.doesNotContain("id=\"entry-1.1.1-1\"").doesNotContain("id=\"entry-3.1.1-1\"");
		// 2.1.2/2 is due only at 31/12: nothing in force there yet, June's figure as the previous checkpoint's
		assertThat(june).doesNotContain("id=\"entry-2.1.2-2\"");
		assertThat(december).contains("id=\"entry-2.1.2-2\"").contains("Inserisci");
		assertThat(row(december, "2.1.3-3")).contains("527");
	}

	@Test
	void theEntryPagesGetTheLiveUpdatesOfTheirPlanAndLinkOnlyWhatTheOfficeMayOpen() throws Exception {
		String entry = "/dashboard/plans/" + PLAN + "/entry";
		MockHttpServletResponse list = mvc.perform(get("/dashboard/plans/" + PLAN + "/events").param("page", entry)
				.session(office).header("Accept", "text/event-stream")).andReturn().getResponse();
		MockHttpServletResponse form = mvc.perform(get("/dashboard/plans/" + PLAN + "/events")
				.param("page", entry + "/2.1.3/3").session(office).header("Accept", "text/event-stream")).andReturn()
				.getResponse();
		MockHttpServletResponse otherArea = mvc.perform(get("/dashboard/plans/" + PLAN + "/events")
				.param("page", entry + "/3.1.1/1").session(office).header("Accept", "text/event-stream")).andReturn()
				.getResponse();
		String area = html(get("/dashboard/plans/" + PLAN + "/areas/ANA?checkpoint=" + JUNE), office, 200);
		String managersPage = html(get("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=" + JUNE),
				SignIn.as(mvc, "dirigente"), 200);

		assertThat(list.getStatus()).isEqualTo(200);
		assertThat(form.getStatus()).isEqualTo(200);
		assertThat(otherArea.getStatus()).isEqualTo(403);
		assertThat(area).contains("id=\"nav-entry\"").contains("Inserimento risultati");
		assertThat(managersPage).doesNotContain("nav-entry");
	}

	@Test
	void whoDoesNotPostResultsIsRefusedThePages() throws Exception {
		MockHttpSession manager = SignIn.as(mvc, "dirigente");

		html(get("/dashboard/plans/" + PLAN + "/entry?checkpoint=" + JUNE), manager, 403);
		html(get("/dashboard/plans/" + PLAN + "/entry/2.1.3/3?checkpoint=" + JUNE), manager, 403);
		// an objective of another area: refused to the office too
		html(get("/dashboard/plans/" + PLAN + "/entry/3.1.1/1?checkpoint=" + JUNE), office, 403);
	}

	@Test
	void aCorrectionStartsFromTheVersionInForceCommentaryEvidenceAndValue() throws Exception {
		String form = html(get("/dashboard/plans/" + PLAN + "/entry/2.1.3/3?checkpoint=" + JUNE), office, 200);

		assertThat(form).contains("id=\"carried\"").contains("Correzione della versione 1")
			.contains("I risultati risultano sostanzialmente in linea con le previsioni.")
			.contains("Estrazione delle liste da Scriba e visure di allineamento")
			.contains("name=\"number\" value=\"527\"").contains("id=\"reason\"").doesNotContain("''");
	}

	@Test
	void theFormSpeaksEnglishWhenAsked() throws Exception {
		String form = html(get("/dashboard/plans/" + PLAN + "/entry/2.1.3/3?checkpoint=" + JUNE + "&lang=en"), office,
				200);

		assertThat(form).contains("Result of 2.1.3/3 at checkpoint 30/6").contains("Commentary and documentation for the OIV")
			.contains("Italian format, e.g. 1.234,5").doesNotContain("entry.");
	}

	@Test
	void eachMeasureKindHasItsFields() throws Exception {
		String compound = html(get("/dashboard/plans/" + PLAN + "/entry/2.1.1/2?checkpoint=" + JUNE), office, 200);
		String milestones = html(get("/dashboard/plans/" + PLAN + "/entry/2.2.1/1?checkpoint=" + JUNE), office, 200);
		String qualitative = html(get("/dashboard/plans/" + PLAN + "/entry/2.1.2/1?checkpoint=" + JUNE), office, 200);

		assertThat(compound).contains("for=\"component-istanze\"").contains("value=\"2799\"")
			.contains("for=\"component-riunioni\"");
		assertThat(milestones).contains("for=\"milestone-M1\"").contains("value=\"31/03/2018\"")
			.contains("Formato gg/mm/aaaa");
		assertThat(qualitative).contains("for=\"assessment\"").contains("for=\"justification\"");
	}

	@Test
	void thePreviewIsTheEnginesAchievementOfTheValueTypedInItalian() throws Exception {
		String page = html(form("2.1.3", "3", "preview").param("number", "450"), office, 200);

		assertThat(page).contains("id=\"preview\"").contains("min(450 / 600, 1) = 75,00%").contains("75,00%")
			.contains("-150");
		assertThat(MonitoringStub.received()).noneMatch(r -> r.body().contains("\"number\":450"));
	}

	@Test
	void aNumberNotInItalianFormatIsRefusedNextToItsFieldAndNothingIsSent() throws Exception {
		int before = MonitoringStub.received().size();

		String page = html(form("2.1.3", "3", "send").param("number", "1.5"), office, 422);

		assertThat(page).contains("id=\"error-summary\"").contains("href=\"#number\"")
			.contains("id=\"number-error\"").contains("Usare la virgola per i decimali")
			.contains("aria-invalid=\"true\"").contains("aria-describedby=\"number-hint number-error\"")
			.contains("<title>(1 da correggere)");
		assertThat(MonitoringStub.received()).hasSize(before);
	}

	@Test
	void monitoringsRefusalsAreShownNextToTheFieldsTheirPointersName() throws Exception {
		MonitoringStub.refuseNext(422, "/commentary", "commentary-required",
				"Il commento è obbligatorio quando il risultato si scosta dal target.");
		String commentary = html(form("2.1.3", "2", "send").param("number", "1").param("commentary", ""), office, 422);
		MonitoringStub.refuseNext(409, "/checkpoint", "checkpoint-closed", "La verifica 30/6 è chiusa.");
		String gate = html(form("2.1.3", "2", "send").param("number", "1"), office, 409);
		String negative = html(form("2.1.3", "2", "send").param("number", "-3"), office, 422);

		assertThat(commentary).contains("id=\"commentary-error\"")
			.contains("Il commento è obbligatorio quando il risultato si scosta dal target.");
		assertThat(gate).contains("id=\"error-summary\"").contains("La verifica 30/6 è chiusa.");
		assertThat(negative).contains("id=\"number-error\"").contains("Il valore non può essere negativo.");
	}

	@Test
	void sendingPostsTheResultAsTheSignedInOfficeWithItsEvidenceAndTheScoresFollow() throws Exception {
		MockMultipartFile file = new MockMultipartFile("file", "verbale.pdf", "application/pdf",
				"%PDF-1.4 verbale".getBytes(StandardCharsets.UTF_8));
		MockHttpServletResponse response = mvc.perform(form("2.1.1", "1", "send").file(file)
				.param("number", "2.600").param("commentary", "Più posizioni del previsto.")
				.param("evidence", "Estrazione degli elenchi\nProtocollo 123").param("deviationCause", "EXTERNAL")
				.param("fileDescription", "Verbale").session(office)).andReturn().getResponse();

		assertThat(response.getStatus()).as(errors(response)).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/dashboard/plans/" + PLAN + "/entry?checkpoint=" + JUNE);
		List<MonitoringStub.Received> received = MonitoringStub.received();
		MonitoringStub.Received posted = received.stream().filter(r -> r.path().equals("/api/results")
				&& r.body().contains("\"objective\":\"2.1.1\"")).reduce((a, b) -> b).orElseThrow();
		JsonNode body = Seed.JSON.readTree(posted.body());
		assertThat(posted.user()).isEqualTo("ufficio");
		assertThat(posted.idempotencyKey()).isNotBlank();
		assertThat(body.path("value").path("number").decimalValue()).isEqualByComparingTo("2600");
		assertThat(body.path("evidence").toString()).contains("Protocollo 123");
		assertThat(body.path("deviationCause").asString()).isEqualTo("EXTERNAL");
		assertThat(received).anyMatch(r -> r.path().equals("/api/results/" + PLAN + "/2.1.1/1/" + JUNE + "/evidence")
				&& r.body().contains("verbale.pdf") && r.user().equals("ufficio"));

		awaitScores(PLAN, JUNE, d -> d.scorecard().indicators().stream().anyMatch(i -> i.objective().equals("2.1.1")
				&& i.indicator().equals("1") && i.result() != null && i.result().resultVersion() == 2));
		String list = html(get("/dashboard/plans/" + PLAN + "/entry?checkpoint=" + JUNE), office, 200);
		assertThat(row(list, "2.1.1-1")).contains("2.600").contains("versione 2");
	}

	@Test
	void theFormAloneMayCarryAnEvidenceFileOfMonitoringsSizeEveryOtherBodyStaysSmall() throws Exception {
		byte[] megabyte = new byte[1024 * 1024];
		MockMultipartFile file = new MockMultipartFile("file", "scansione.pdf", "application/pdf", megabyte);

		MockHttpServletResponse preview = mvc.perform(form("2.1.1", "1", "preview").file(file).content(megabyte)
				.param("number", "2.600")).andReturn().getResponse();
		MockHttpServletResponse elsewhere = mvc.perform(multipart("/dashboard/plans/" + PLAN + "/entry")
				.content(megabyte).session(office)).andReturn().getResponse();
		MockHttpServletResponse tooLarge = mvc.perform(form("2.1.1", "1", "preview")
				.content(new byte[10 * 1024 * 1024 + 64 * 1024 + 1])).andReturn().getResponse();

		assertThat(preview.getStatus()).as(errors(preview)).isEqualTo(200);
		assertThat(elsewhere.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getContentType()).startsWith("application/problem+json");
	}

	@Test
	void aYesNoIndicatorOffersItsTwoAnswersAndSendsTheOneChosen() throws Exception {
		// the promotion area's 1.1.1/5 ("rendicontazione periodica progetto nazionale") is due at 31/12 only
		MockHttpSession promotion = SignIn.as(mvc, "ufficio-promozione");
		String path = "/dashboard/plans/" + PLAN + "/entry/1.1.1/5";
		MockHttpServletResponse page = mvc.perform(get(path).param("checkpoint", DECEMBER).session(promotion))
			.andReturn().getResponse();
		assertThat(page.getContentAsString(StandardCharsets.UTF_8)).contains("name=\"yes\" value=\"true\"")
			.contains("name=\"yes\" value=\"false\"");

		MockHttpServletResponse sent = mvc.perform(multipart(path).param("checkpoint", DECEMBER).param("action", "send")
			.param("idempotencyKey", java.util.UUID.randomUUID().toString()).param("_csrf", SignIn.csrfToken(page))
			.param("yes", "false").param("commentary", "Rendicontazione rinviata dall'ente nazionale.")
			.session(promotion)).andReturn().getResponse();

		assertThat(sent.getStatus()).as(errors(sent)).isEqualTo(302);
		MonitoringStub.Received posted = MonitoringStub.received().stream().filter(r -> r.path().equals("/api/results")
				&& r.body().contains("\"objective\":\"1.1.1\"") && r.body().contains("\"indicator\":\"5\""))
			.reduce((a, b) -> b).orElseThrow();
		assertThat(posted.user()).isEqualTo("ufficio-promozione");
		JsonNode value = Seed.JSON.readTree(posted.body()).path("value");
		assertThat(value.path("yes").isBoolean()).isTrue();
		assertThat(value.path("yes").asBoolean()).isFalse();
	}

	private MockMultipartHttpServletRequestBuilder form(String objective, String indicator, String action)
			throws Exception {
		String path = "/dashboard/plans/" + PLAN + "/entry/" + objective + "/" + indicator;
		MockHttpServletResponse page = mvc.perform(get(path).param("checkpoint", JUNE).session(office)).andReturn()
				.getResponse();
		return (MockMultipartHttpServletRequestBuilder) multipart(path).param("checkpoint", JUNE)
			.param("action", action).param("idempotencyKey", java.util.UUID.randomUUID().toString())
			.param("_csrf", SignIn.csrfToken(page)).session(office);
	}

	private String html(org.springframework.test.web.servlet.RequestBuilder request, MockHttpSession session,
			int status) throws Exception {
		if (request instanceof org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder<?> builder) {
			builder.session(session);
		}
		MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
		assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static String errors(MockHttpServletResponse response) throws Exception {
		String html = response.getContentAsString(StandardCharsets.UTF_8);
		int start = html.indexOf("id=\"error-summary\"");
		return start < 0 ? html : html.substring(start, html.indexOf("</div>", start));
	}

	private static String row(String html, String id) {
		int start = html.indexOf("id=\"entry-" + id + "\"");
		assertThat(start).as("row " + id).isPositive();
		return html.substring(start, html.indexOf("</tr>", start));
	}
}
