package org.cicloperformance.reportingservice.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.cicloperformance.reportingservice.audit.AuditEntry;
import org.cicloperformance.reportingservice.audit.AuditTrail;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The dashboard's sign-in and what each role sees there, without a browser: a session from the login form per user
 * of application-test.yml, on the demo plan of "cciaa-brescia".
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardAccessTest extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	static final String PAGES = "/dashboard/plans/" + PLAN;

	static final String JUNE = "?checkpoint=2018-06-30";

	@Autowired
	AuditTrail audit;

	private final Map<String, MockHttpSession> sessions = new HashMap<>();

	@BeforeAll
	void seedTheDemo() {
		DemoStack.seed(PLAN, scores);
	}

	@Test
	void anAnonymousReaderIsSentToTheLoginPageInItalian() throws Exception {
		MockHttpServletResponse page = mvc.perform(get(PAGES + "/managers/dazzeo" + JUNE)).andReturn().getResponse();
		MockHttpServletResponse login = mvc.perform(get("/dashboard/login")).andReturn().getResponse();
		String html = login.getContentAsString(StandardCharsets.UTF_8);

		assertThat(page.getStatus()).isEqualTo(302);
		assertThat(page.getRedirectedUrl()).endsWith("/dashboard/login");
		assertThat(login.getStatus()).isEqualTo(200);
		assertThat(html).contains("<html lang=\"it\"", "<h1>Accesso al cruscotto</h1>",
				"<label for=\"username\">Nome utente</label>", "<label for=\"password\">Password</label>",
				"autocomplete=\"current-password\"", "name=\"_csrf\"");
		assertThat(html).doesNotContain("Collegato come");
	}

	@Test
	void theApiCredentialsOpenNoDashboardPage() throws Exception {
		// the MockMvc default request carries the planner's Basic credentials: the dashboard ignores them
		assertThat(mvc.perform(get("/dashboard")).andReturn().getResponse().getRedirectedUrl())
				.endsWith("/dashboard/login");
	}

	@ParameterizedTest(name = "{0} lands on {1}")
	@CsvSource({ "pianificatore, /dashboard", "oiv, /dashboard", "lettore, /dashboard",
			"dirigente, /managers/dazzeo", "personale, /hr-feed", "ufficio, /areas/ANA", "altro-ente, /dashboard" })
	void afterSigningInEachRoleLandsOnItsOwnView(String user, String view) throws Exception {
		MvcResult login = SignIn.attempt(mvc, user, "segreta");
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();

		MockHttpServletResponse landing = mvc.perform(get(login.getResponse().getRedirectedUrl()).session(session))
				.andReturn().getResponse();

		assertThat(login.getResponse().getRedirectedUrl()).endsWith("/dashboard");
		if (view.equals("/dashboard")) {
			assertThat(landing.getStatus()).isEqualTo(200);
			String html = landing.getContentAsString(StandardCharsets.UTF_8);
			assertThat(html).contains("<h1>Piani della performance</h1>", "Collegato come " + user);
			if (user.equals("altro-ente")) {
				assertThat(html).doesNotContain(PLAN).contains("Nessun piano del proprio ente");
			}
			else {
				assertThat(html).contains("href=\"" + PAGES + "\"");
			}
		}
		else {
			assertThat(landing.getStatus()).isEqualTo(302);
			assertThat(landing.getRedirectedUrl()).matches("/dashboard/plans/[^/]+" + view);
			assertThat(page(user, landing.getRedirectedUrl()).getStatus()).isEqualTo(200);
		}
	}

	@Test
	void aManagerCannotOpenAnotherManagersScorecard() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);

		MockHttpServletResponse other = page("dirigente", PAGES + "/managers/ziletti" + JUNE);

		assertThat(other.getStatus()).isEqualTo(403);
		assertThat(other.getContentType()).startsWith("text/html");
		assertThat(other.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"it\"",
				"<h1>Accesso non consentito</h1>", "Il proprio ruolo non consente di aprire questa pagina.",
				"Collegato come dirigente");
		assertThat(audit.of("cciaa-brescia", start, 100)).extracting(AuditEntry::actor, AuditEntry::path,
				AuditEntry::status, AuditEntry::outcome)
				.contains(tuple("dirigente", PAGES + "/managers/ziletti", 403, "REFUSED"));
	}

	@Test
	void aManagerSeesTheirScorecardWithTheirPayAndLinksOnlyWhatTheyMayOpen() throws Exception {
		String html = html("dirigente", PAGES + "/managers/dazzeo" + JUNE);

		assertThat(html).contains("<h1>dr Antonio d&#39;Azzeo</h1>", "id=\"scorecard-band\"", "Fondo Dirigenti",
				"href=\"" + PAGES + "/objectives/2.1.3" + JUNE + "\"", "href=\"" + PAGES + "/areas/ANA" + JUNE + "\"");
		assertThat(html).doesNotContain("href=\"" + PAGES + JUNE + "\"", "href=\"" + PAGES + "/hr-feed",
				"href=\"" + PAGES + "/managers/ziletti", "href=\"" + PAGES + "/areas/AMM");
		assertThat(page("dirigente", PAGES + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("dirigente", PAGES + "/hr-feed" + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("dirigente", PAGES + "/areas/ANA" + JUNE).getStatus()).isEqualTo(200);
		assertThat(page("dirigente", PAGES + "/areas/AMM" + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("dirigente", PAGES + "/indicators/2.1.3/3" + JUNE).getStatus()).isEqualTo(200);
		assertThat(page("dirigente", PAGES + "/objectives/3.1.1" + JUNE).getStatus()).isEqualTo(403);
	}

	@Test
	void hrSeesOnlyTheHrFeedAndItsCsv() throws Exception {
		String html = html("personale", PAGES + "/hr-feed" + JUNE);
		MockHttpServletResponse csv = page("personale", PAGES + "/hr-feed.csv" + JUNE);

		assertThat(html).contains("id=\"hr-status\"", "dr Antonio d&#39;Azzeo",
				"href=\"" + PAGES + "/hr-feed.csv" + JUNE + "\"");
		assertThat(html).doesNotContain("href=\"" + PAGES + "/managers/", "href=\"" + PAGES + "/areas/",
				"href=\"" + PAGES + JUNE + "\"");
		assertThat(csv.getStatus()).isEqualTo(200);
		assertThat(csv.getContentType()).isEqualTo("text/csv;charset=UTF-8");
		assertThat(csv.getHeader("Content-Disposition")).contains("hr-feed-" + PLAN + "-2018-06-30.csv");
		for (String other : new String[] { PAGES + JUNE, PAGES + "/managers/dazzeo" + JUNE, PAGES + "/areas/ANA" + JUNE,
				PAGES + "/objectives/2.1.3" + JUNE, PAGES + "/indicators/2.1.3/3" + JUNE }) {
			assertThat(page("personale", other).getStatus()).as(other).isEqualTo(403);
		}
	}

	@Test
	void aViewerReadsScorecardsButNeitherPayNorTheHrFeed() throws Exception {
		String html = html("lettore", PAGES + "/managers/dazzeo" + JUNE);

		assertThat(html).contains("id=\"scorecard-score\"", "href=\"" + PAGES + JUNE + "\"");
		assertThat(html).doesNotContain("id=\"scorecard-band\"", "Fondo Dirigenti", "href=\"" + PAGES + "/hr-feed");
		assertThat(page("lettore", PAGES + "/hr-feed" + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("lettore", PAGES + "/hr-feed.csv" + JUNE).getStatus()).isEqualTo(403);
	}

	@Test
	void anAreaOfficeReadsItsAreaAndItsObjectivesOnly() throws Exception {
		String html = html("ufficio", PAGES + "/areas/ANA" + JUNE);

		assertThat(html).contains("<h1>Area Anagrafica</h1>", "href=\"" + PAGES + "/objectives/2.1.3" + JUNE + "\"");
		assertThat(html).doesNotContain("href=\"" + PAGES + "/managers/", "Fondo Dirigenti");
		assertThat(page("ufficio", PAGES + "/objectives/2.1.3" + JUNE).getStatus()).isEqualTo(200);
		assertThat(page("ufficio", PAGES + "/areas/AMM" + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("ufficio", PAGES + "/managers/dazzeo" + JUNE).getStatus()).isEqualTo(403);
		assertThat(page("ufficio", PAGES + JUNE).getStatus()).isEqualTo(403);
	}

	@Test
	void theLiveUpdateStreamFollowsTheRuleOfItsPage() throws Exception {
		assertThat(page("dirigente", PAGES + "/events?page=" + PAGES + "/managers/dazzeo").getStatus()).isEqualTo(200);
		assertThat(page("dirigente", PAGES + "/events?page=" + PAGES + "/managers/ziletti").getStatus())
				.isEqualTo(403);
		assertThat(page("dirigente", PAGES + "/events").getStatus()).isEqualTo(403);
		assertThat(page("personale", PAGES + "/events?page=" + PAGES + "/hr-feed").getStatus()).isEqualTo(200);
		assertThat(page("altro-ente", PAGES + "/events").getStatus()).isEqualTo(404);
	}

	@Test
	void anotherEntitysPlannerFindsNothingOfThisEntity() throws Exception {
		MockHttpServletResponse overview = page("altro-ente", PAGES + JUNE);
		MockHttpServletResponse selected = page("altro-ente", "/dashboard/select?plan=" + PLAN);

		assertThat(overview.getStatus()).isEqualTo(404);
		assertThat(overview.getContentAsString(StandardCharsets.UTF_8)).contains("Pagina non trovata");
		assertThat(page("altro-ente", PAGES + "/hr-feed.csv" + JUNE).getStatus()).isEqualTo(404);
		assertThat(selected.getRedirectedUrl()).isEqualTo(PAGES);
	}

	@Test
	void signingOutNeedsTheFormsTokenEndsTheSessionAndIsOnRecord() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MvcResult login = SignIn.attempt(mvc, "oiv", "segreta");
		MockHttpSession session = (MockHttpSession) login.getRequest().getSession();
		MockHttpServletResponse plans = mvc.perform(get("/dashboard").session(session)).andReturn().getResponse();

		MockHttpServletResponse forged = mvc.perform(post("/dashboard/logout").session(session)).andReturn()
				.getResponse();
		MockHttpServletResponse logout = mvc.perform(post("/dashboard/logout").session(session)
				.param("_csrf", SignIn.csrfToken(plans))).andReturn().getResponse();

		assertThat(forged.getStatus()).isEqualTo(403);
		assertThat(logout.getRedirectedUrl()).isEqualTo("/dashboard/login?logout");
		assertThat(mvc.perform(get("/dashboard").session(session)).andReturn().getResponse().getRedirectedUrl())
				.endsWith("/dashboard/login");
		assertThat(audit.of("cciaa-brescia", start, 100)).extracting(AuditEntry::actor, AuditEntry::method,
				AuditEntry::path, AuditEntry::status, AuditEntry::outcome).contains(
						tuple("oiv", "POST", "/dashboard/login", 302, "ALLOWED"),
						tuple("oiv", "POST", "/dashboard/logout", 403, "REFUSED"),
						tuple("oiv", "POST", "/dashboard/logout", 302, "ALLOWED"));
	}

	@Test
	void aWrongPasswordShowsTheErrorOnTheFormAndIsOnRecord() throws Exception {
		Instant start = Instant.now().truncatedTo(ChronoUnit.MILLIS);
		MvcResult attempt = SignIn.attempt(mvc, "dirigente", "sbagliata");
		MockHttpSession session = (MockHttpSession) attempt.getRequest().getSession();

		String form = mvc.perform(get(attempt.getResponse().getRedirectedUrl()).session(session)).andReturn()
				.getResponse().getContentAsString(StandardCharsets.UTF_8);

		assertThat(attempt.getResponse().getRedirectedUrl()).isEqualTo("/dashboard/login?error");
		assertThat(form).contains("role=\"alert\"", "Nome utente o password non validi.", "aria-invalid=\"true\"",
				"aria-describedby=\"login-error\"");
		assertThat(audit.of("cciaa-brescia", start, 100)).extracting(AuditEntry::actor, AuditEntry::path,
				AuditEntry::status, AuditEntry::outcome).contains(tuple("dirigente", "/dashboard/login", 401, "REFUSED"));
	}

	// --- helpers ---

	private MockHttpServletResponse page(String user, String path) throws Exception {
		MockHttpSession session = sessions.computeIfAbsent(user, u -> SignIn.as(mvc, u));
		return mvc.perform(get(path).session(session)).andReturn().getResponse();
	}

	private String html(String user, String path) throws Exception {
		MockHttpServletResponse response = page(user, path);
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
