package org.cicloperformance.reportingservice.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.cicloperformance.reportingservice.support.SignIn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;

/**
 * The completion board (issue 18) from monitoring's {@code CalendarSet} and this service's facts: the demo's 30/6
 * (25 indicators due, all posted on 10/7/2018), what was missing a week before the closing, late indicators after
 * it, an older revision of the calendar never replacing a newer one, and the page that shows it, by office and by
 * manager, to those who read the overview.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CompletionBoardPageTest extends IntegrationTest {

	static final String PLAN = "completion-demo-2018";

	static final String PARTIAL = "completion-partial-2018";

	static final String JUNE = "2018-06-30";

	@Autowired
	CompletionBoard boards;

	@Autowired
	CompletionCalendars calendars;

	MockHttpSession planner;

	@BeforeAll
	void seedTheDemoAndItsCalendar() {
		DemoStack.seed(PLAN, scores);
		publishCalendar(PLAN, 1, "2018-07-15");
		planner = SignIn.as(mvc, "pianificatore");
	}

	static String calendarSet(String planId, int revision, String closesOn) {
		return """
				{"type":"CalendarSet","eventId":"%s","planId":"%s","entity":"cciaa-brescia","checkpoint":"2018-06-30",
				 "revision":%d,"opensOn":"2018-06-01","closesOn":"%s",
				 "assignments":[{"objective":"2.1.3","indicator":"3","office":"ufficio-formazione","user":"mario.rossi"}],
				 "occurredAt":"2026-12-03T10:00:00Z","causedBy":"pianificazione"}"""
				.formatted(java.util.UUID.randomUUID(), planId, revision, closesOn);
	}

	void publishCalendar(String planId, int revision, String closesOn) {
		Events.publish("checkpoint-events", planId, calendarSet(planId, revision, closesOn));
		await().atMost(Duration.ofSeconds(30)).until(() -> calendars.find(planId, JUNE)
				.filter(c -> c.revision() >= revision).isPresent());
	}

	@Test
	void allTheDemosIndicatorsDueAt30JuneWerePostedAndAWeekBeforeTheClosingAllWereMissing() {
		CompletionBoard.Board today = boards.of(PLAN, JUNE, LocalDate.of(2026, 12, 3)).orElseThrow();
		assertThat(today.totals()).isEqualTo(new CompletionBoard.Counts(25, 25, 0, 0));
		assertThat(today.phase()).isEqualTo("CLOSED");
		assertThat(today.byOffice()).extracting(CompletionBoard.Group::key)
				.containsExactly("AMM", "ANA", "PRM", "ufficio-formazione");

		CompletionBoard.Board weekBefore = boards.of(PLAN, JUNE, LocalDate.of(2018, 7, 8)).orElseThrow();
		assertThat(weekBefore.totals()).isEqualTo(new CompletionBoard.Counts(25, 0, 25, 0));
		assertThat(weekBefore.phase()).isEqualTo("OPEN");
		CompletionBoard.Row assigned = weekBefore.indicators().stream()
				.filter(r -> r.objective().equals("2.1.3") && r.indicator().equals("3")).findFirst().orElseThrow();
		assertThat(assigned.office()).isEqualTo("ufficio-formazione");
		assertThat(assigned.user()).isEqualTo("mario.rossi");
		assertThat(assigned.area()).isEqualTo("ANA");
	}

	@Test
	void afterTheClosingWhatWasNotPostedIsLate() {
		publishPlan(PARTIAL, Seed.planPublished(PARTIAL));
		publishResults(PARTIAL, Seed.juneResults(PARTIAL).stream()
				.filter(json -> "2.1.3".equals(Seed.JSON.readTree(json).path("objective").asString())).toList());
		awaitScores(PARTIAL, JUNE, d -> d.scorecard().indicators().stream()
				.filter(i -> i.objective().equals("2.1.3")).allMatch(i -> i.result() != null));
		publishCalendar(PARTIAL, 1, "2018-07-15");

		CompletionBoard.Board board = boards.of(PARTIAL, JUNE, LocalDate.of(2018, 7, 16)).orElseThrow();
		long posted213 = board.indicators().stream().filter(r -> r.objective().equals("2.1.3")).count();
		assertThat(board.totals().posted()).isEqualTo((int) posted213).isPositive();
		assertThat(board.totals().late()).isEqualTo(25 - (int) posted213);
		assertThat(board.totals().missing()).isZero();
		assertThat(boards.of(PARTIAL, JUNE, LocalDate.of(2018, 7, 15)).orElseThrow().totals().late())
				.as("the closing day lasts until its end").isZero();
	}

	@Test
	void anOlderRevisionOfTheCalendarNeverReplacesANewerOne() {
		String plan = "completion-revisions-2018";
		DemoStack.seed(plan, scores);
		publishCalendar(plan, 2, "2018-07-20");
		Events.publish("checkpoint-events", plan, calendarSet(plan, 1, "2018-07-15"));
		publishCalendar(plan, 3, "2018-07-25");
		assertThat(calendars.find(plan, JUNE).orElseThrow().closesOn()).isEqualTo(LocalDate.of(2018, 7, 25));
		Events.publish("checkpoint-events", plan, calendarSet(plan, 2, "2018-07-20"));
		await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
				.until(() -> calendars.find(plan, JUNE).orElseThrow().revision() == 3);
		assertThat(calendars.find(plan, JUNE).orElseThrow().closesOn()).isEqualTo(LocalDate.of(2018, 7, 25));
	}

	@Test
	void thePageShowsTheBoardByOfficeAndByManagerAndIsLinkedFromTheOverview() throws Exception {
		String overview = html("/dashboard/plans/" + PLAN + "?checkpoint=" + JUNE, "it");
		assertThat(overview).contains("href=\"/dashboard/plans/" + PLAN + "/completion?checkpoint=" + JUNE + "\"");

		String html = html("/dashboard/plans/" + PLAN + "/completion?checkpoint=" + JUNE + "&asOf=2018-07-08", "it");
		assertThat(html).contains("<h1>Completamento della raccolta — ")
				.contains("Raccolta dei risultati dal 01/06/2018 al 15/07/2018 (aperta). Situazione al 08/07/2018.")
				.contains("id=\"completion-due\">25<").contains("id=\"completion-missing\">25<")
				.contains("id=\"office-ANA\"").contains("id=\"manager-dazzeo\"").contains("Area Anagrafica")
				.contains("ufficio-formazione").contains("(mario.rossi)")
				.contains("asOf=2018-07-08").contains("Una settimana prima della chiusura (08/07/2018)");
		String english = html("/dashboard/plans/" + PLAN + "/completion?checkpoint=" + JUNE, "en");
		assertThat(english).contains("Completion of the collection").contains("id=\"completion-posted\">25<")
				.contains("By office");
		html("/dashboard/plans/" + PLAN + "/completion?checkpoint=" + JUNE, "it");

		for (String reader : List.of("dirigente", "ufficio", "personale")) {
			MockHttpServletResponse refused = mvc.perform(get("/dashboard/plans/" + PLAN + "/completion")
					.session(SignIn.as(mvc, reader))).andReturn().getResponse();
			assertThat(refused.getStatus()).as(reader).isEqualTo(403);
		}
	}

	private String html(String path, String language) throws Exception {
		MockHttpServletResponse response = mvc.perform(get(path).session(planner).param("lang", language))
				.andReturn().getResponse();
		assertThat(response.getStatus()).as(path).isEqualTo(200);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}
}
