package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * The alerts page and a manager's alerts block, as the server writes them (issue 18): the demo's five alerts with
 * their method, arithmetic and the office's commentary, in Italian and English; who may open the page; an alert
 * raised and cleared by newer result versions. Its own copy of the demo, since it records result versions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertPagesTest extends IntegrationTest {

	static final String PLAN = "alerts-demo-2018";

	static final Pattern ALERT_ROW = Pattern.compile("<tr id=\"alert-([0-9.]+)-([0-9]+)\"");

	MockHttpSession planner;

	@BeforeAll
	void seedTheDemoAndSignIn() {
		DemoStack.seed(PLAN, scores);
		planner = SignIn.as(mvc, "pianificatore");
	}

	@Test
	void theAlertsPageListsTheDemosFiveAlertsWorstFirstWithMethodArithmeticAndTheWayToProposeARevision()
			throws Exception {
		String html = html("/dashboard/plans/" + PLAN + "/alerts?checkpoint=2018-06-30", planner, "it");

		assertThat(html).contains("<h1>Allerte sulle previsioni al 31/12/2018</h1>");
		assertThat(alertRows(html)).containsExactly("2.1.2/5", "2.2.1/4", "3.1.1/3", "2.2.1/1", "2.2.1/2");
		assertThat(html).contains("previsti 10 contro un valore atteso di 65 al 31/12/2018 (scarto 55, oltre il 20%)")
				.contains("5 al 30/06/2018 × 365 / 181 giorni = 10 previsti al 31/12/2018; atteso almeno 65: non in linea")
				.contains("lineare alla data").contains("piano delle milestone")
				.contains("M2 prevista il 31/05/2018, non consegnata al 30/06/2018: in ritardo di 30 giorni")
				.contains("Proponi una revisione")
				.contains("http://localhost:8081/swagger-ui/index.html#/Proposte/propose")
				.contains("POST /api/plans/" + PLAN + "/proposals");
		assertThat(html).as("every forecast, on track ones too")
				.contains("2.260 al 30/06/2018 × 365 / 181 giorni = 4.557 previsti al 31/12/2018; atteso almeno 2.900: in linea")
				.contains("id=\"forecast-2.1.1-1\"");
		assertThat(html).as("linked from the header")
				.contains("href=\"/dashboard/plans/" + PLAN + "/alerts?checkpoint=2018-06-30\"")
				.contains("aria-current=\"page\">Allerte</a>");
	}

	@Test
	void inEnglishTheForecastsWordsComeFromTheEnglishBundle() throws Exception {
		String html = html("/dashboard/plans/" + PLAN + "/alerts?checkpoint=2018-06-30", planner, "en");

		assertThat(html).contains("<h1>Forecast alerts at 31/12/2018</h1>").contains("linear to date")
				.contains("5 at 30/06/2018 × 365 / 181 days = 10 expected at 31/12/2018; at least 65 expected: off track")
				.contains("10 expected against a target of 65 at 31/12/2018 (gap 55, over 20%)")
				.contains("2,260 at 30/06/2018 × 365 / 181 days = 4,557 expected at 31/12/2018")
				.contains("M2 planned on 31/05/2018, not delivered at 30/06/2018: 30 days late")
				.doesNotContain("previsti al").doesNotContain("giorni =").doesNotContain("atteso almeno");
		html("/dashboard/plans/" + PLAN + "/alerts?checkpoint=2018-06-30", planner, "it");
	}

	@Test
	void theManagersScorecardShowsTheirOwnAlertsAndTheAlertsPageIsThePlannersOIVsAndViewers() throws Exception {
		MockHttpSession manager = SignIn.as(mvc, "dirigente");
		String scorecard = html("/dashboard/plans/" + PLAN + "/managers/dazzeo?checkpoint=2018-06-30", manager, "it");

		assertThat(scorecard).contains("Allerte sulle previsioni al 31/12/2018");
		assertThat(alertRows(scorecard)).containsExactly("2.1.2/5", "2.2.1/4", "2.2.1/1", "2.2.1/2");
		assertThat(scorecard).as("the plan's page is not theirs").doesNotContain("/alerts?");

		MockHttpServletResponse refused = mvc.perform(get("/dashboard/plans/" + PLAN + "/alerts").session(manager))
				.andReturn().getResponse();
		assertThat(refused.getStatus()).isEqualTo(403);
		MockHttpServletResponse office = mvc.perform(get("/dashboard/plans/" + PLAN + "/alerts")
				.session(SignIn.as(mvc, "ufficio"))).andReturn().getResponse();
		assertThat(office.getStatus()).isEqualTo(403);
	}

	@Test
	void aNewerResultOnTargetClearsTheAlertOnThePageAndAWorseOneRaisesItAgain() throws Exception {
		String plan = "alerts-clearing-2018";
		DemoStack.seed(plan, scores);
		String path = "/dashboard/plans/" + plan + "/alerts?checkpoint=2018-06-30";
		assertThat(alertRows(html(path, planner, "it"))).contains("2.2.1/4");

		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 2,
				Seed.numberValue("5"))));
		String cleared = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> html(path, planner, "it"), h -> !alertRows(h).contains("2.2.1/4"));
		assertThat(alertRows(cleared)).containsExactly("2.1.2/5", "3.1.1/3", "2.2.1/1", "2.2.1/2");
		assertThat(cleared).contains("5 al 30/06/2018 × 365 / 181 giorni = 10 previsti al 31/12/2018; atteso almeno 10: in linea");

		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.2.1", "4", "2018-06-30", 3,
				Seed.numberValue("4"))));
		String raised = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
				.until(() -> html(path, planner, "it"), h -> alertRows(h).contains("2.2.1/4"));
		assertThat(raised).contains("previsti 8 contro un valore atteso di 10 al 31/12/2018 (scarto 2)");
	}

	private String html(String path, MockHttpSession session, String language) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(session).param("lang", language))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	private static List<String> alertRows(String html) {
		Matcher rows = ALERT_ROW.matcher(html);
		List<String> codes = new java.util.ArrayList<>();
		while (rows.find()) {
			codes.add(rows.group(1) + "/" + rows.group(2));
		}
		return codes;
	}
}
