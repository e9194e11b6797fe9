package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * What the server sends for the dashboard, without a browser: redirects, errors, language, the event stream; signed
 * in as the planner (who reads everything).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest extends IntegrationTest {

	static final String PLAN = Seed.PLAN_ID;

	MockHttpSession planner;

	@BeforeAll
	void seedTheDemoAndSignIn() {
		DemoStack.seed(PLAN, scores);
		planner = SignIn.as(mvc, "pianificatore");
	}

	@Test
	void theRootRedirectsToTheDashboard() throws Exception {
		MockHttpServletResponse response = mvc.perform(get("/")).andReturn().getResponse();

		assertThat(response.getStatus()).isEqualTo(302);
		assertThat(response.getRedirectedUrl()).isEqualTo("/dashboard");
	}

	@Test
	void aPlanOpensOnItsLatestCheckpointWithResults() throws Exception {
		String html = page("/dashboard/plans/" + PLAN).getContentAsString(StandardCharsets.UTF_8);

		assertThat(html).contains("<html lang=\"it\"").contains("verifica del 30/6 (30/06/2018)")
				.contains("<option value=\"2018-06-30\" selected=\"selected\">");
	}

	@Test
	void anUnknownPlanIsANotFoundPageInItalian() throws Exception {
		MockHttpServletResponse response = page("/dashboard/plans/nessuno");

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("Pagina non trovata")
				.contains("Il piano nessuno non è noto.");
	}

	@Test
	void anAddressOfTheDashboardThatNamesNoPageIsTheItalianNotFoundPage() throws Exception {
		for (String path : new String[] { "/dashboard/plans", "/dashboard/plans/" + PLAN + "/objectives",
				"/dashboard/plans/" + PLAN + "/indicators/2.1.3", "/dashboard/nothing/here" }) {
			MockHttpServletResponse response = page(path);

			assertThat(response.getStatus()).as(path).isEqualTo(404);
			assertThat(response.getContentType()).as(path).startsWith("text/html");
			assertThat(response.getContentAsString(StandardCharsets.UTF_8)).as(path).contains("<html lang=\"it\"")
					.contains("<h1>Pagina non trovata</h1>")
					.contains("L&#39;indirizzo " + path + " non corrisponde a nessuna pagina del cruscotto.");
		}
		MockHttpServletResponse english = mvc.perform(get("/dashboard/plans").session(planner).param("lang", "en"))
				.andReturn().getResponse();
		MockHttpServletResponse api = mvc.perform(get("/api/nothing")).andReturn().getResponse();
		MockHttpServletResponse asset = page("/dashboard/assets/dashboard.css");

		assertThat(english.getStatus()).isEqualTo(404);
		assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("<h1>Page not found</h1>");
		assertThat(api.getStatus()).isEqualTo(404);
		assertThat(api.getContentType()).doesNotStartWith("text/html");
		assertThat(asset.getStatus()).isEqualTo(200);
	}

	@Test
	void anUnknownManagerIsANotFoundPage() throws Exception {
		MockHttpServletResponse response = page("/dashboard/plans/" + PLAN + "/managers/nessuno?checkpoint=2018-06-30");

		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8))
				.contains("Il dirigente nessuno non ha un punteggio nel piano " + PLAN + " alla verifica 2018-06-30.");
	}

	@Test
	void englishIsChosenWithLangAndRememberedInACookieWhileItalianIsTheDefaultForAnyBrowser() throws Exception {
		MockHttpServletResponse english = mvc.perform(get("/dashboard").session(planner).param("lang", "en"))
				.andReturn().getResponse();
		Cookie choice = english.getCookie(DashboardLocaleResolver.COOKIE);
		MockHttpServletResponse remembered = mvc.perform(get("/dashboard").session(planner).cookie(choice))
				.andReturn().getResponse();
		MockHttpServletResponse englishBrowser = mvc.perform(get("/dashboard").session(planner)
				.header("Accept-Language", "en-US")).andReturn().getResponse();
		MockHttpServletResponse unsupported = mvc.perform(get("/dashboard").session(planner).param("lang", "fr"))
				.andReturn().getResponse();

		assertThat(choice).isNotNull();
		assertThat(english.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"en\"")
				.contains("Performance plans");
		assertThat(remembered.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"en\"");
		assertThat(englishBrowser.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"it\"")
				.contains("Piani della performance");
		assertThat(unsupported.getContentAsString(StandardCharsets.UTF_8)).contains("<html lang=\"it\"");
	}

	@Test
	void theApiKeepsAnsweringInTheLanguageOfAcceptLanguage() throws Exception {
		String path = "/api/plans/nessuno/checkpoints/2018-06-30/scores";
		String withDashboardCookie = mvc.perform(get(path).cookie(new Cookie(DashboardLocaleResolver.COOKIE, "en")))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
		String english = mvc.perform(get(path).header("Accept-Language", "en")).andReturn().getResponse()
				.getContentAsString(StandardCharsets.UTF_8);

		assertThat(withDashboardCookie).contains("Nessun punteggio per il piano nessuno");
		assertThat(english).contains("No scores for plan nessuno");
	}

	@Test
	void theSelectorKeepsThePageForAnotherCheckpointButNeverLeavesTheDashboard() throws Exception {
		String samePlan = mvc.perform(get("/dashboard/select").session(planner).param("plan", PLAN)
				.param("current", PLAN)
				.param("checkpoint", "2018-12-31").param("page", "/dashboard/plans/" + PLAN + "/managers/dazzeo"))
				.andReturn().getResponse().getRedirectedUrl();
		String elsewhere = mvc.perform(get("/dashboard/select").session(planner).param("plan", PLAN)
				.param("current", PLAN)
				.param("checkpoint", "2018-12-31").param("page", "https://example.org/dashboard/plans/" + PLAN))
				.andReturn().getResponse().getRedirectedUrl();
		String otherPlan = mvc.perform(get("/dashboard/select").session(planner).param("plan", "altro-2019")
				.param("current", PLAN)
				.param("checkpoint", "2018-12-31").param("page", "/dashboard/plans/" + PLAN + "/managers/dazzeo"))
				.andReturn().getResponse().getRedirectedUrl();

		assertThat(samePlan).isEqualTo("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=2018-12-31");
		assertThat(elsewhere).isEqualTo("/dashboard/plans/" + PLAN + "?checkpoint=2018-12-31");
		assertThat(otherPlan).isEqualTo("/dashboard/plans/altro-2019");
	}

	/** The template names no version; the resource chain writes the one of the jar on the classpath. */
	@Test
	void servesChartsFromTheWebJarOfTheClasspath() throws Exception {
		String html = page("/dashboard/plans/" + PLAN + "?checkpoint=2018-06-30").getContentAsString(StandardCharsets.UTF_8);
		Properties webJar = new Properties();
		try (var in = getClass().getResourceAsStream("/META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
			webJar.load(in);
		}
		String versioned = "/webjars/echarts/" + webJar.getProperty("version") + "/dist/echarts.min.js";
		MockHttpServletResponse echarts = mvc.perform(get(versioned)).andReturn().getResponse();

		assertThat(html).contains("src=\"" + versioned + "\"");
		assertThat(echarts.getStatus()).isEqualTo(200);
		assertThat(echarts.getContentAsString(StandardCharsets.UTF_8)).contains("echarts");
	}

	@Test
	void theEventStreamIsServerSentEventsForAKnownPlanOnly() throws Exception {
		MockHttpServletResponse known = mvc.perform(get("/dashboard/plans/" + PLAN + "/events").session(planner)
				.header("Accept", "text/event-stream")).andReturn().getResponse();
		MockHttpServletResponse unknown = mvc.perform(get("/dashboard/plans/nessuno/events").session(planner))
				.andReturn().getResponse();

		assertThat(known.getStatus()).isEqualTo(200);
		assertThat(known.getContentType()).startsWith("text/event-stream");
		assertThat(unknown.getStatus()).isEqualTo(404);
	}

	private MockHttpServletResponse page(String path) throws Exception {
		return mvc.perform(get(path).session(planner)).andReturn().getResponse();
	}
}
