package org.cicloperformance.monitoringservice.completion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.completion.CompletionView.Group;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.ReportingFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The completion board as of the reporting clock: the seven indicators due at 31/12 of this year, one posted now,
 * the calendar closing on 15/1 of the next year.
 */
class CompletionBoardTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	CompletionBoard board;

	@Autowired
	ReportingClock clock;

	ReportingFixture f;

	@BeforeEach
	void aPlanWithACalendarAndOneResult() throws Exception {
		f = new ReportingFixture(mvc, plans);
		f.setCalendar(f.calendar("[-7,3]", "it"));
		f.postFirstResult();
	}

	@AfterEach
	void realTime() {
		clock.reset();
	}

	private void at(String date) {
		clock.moveTo(LocalDate.parse(date).atTime(12, 0).atZone(clock.zone()).toInstant());
	}

	private CompletionView view() {
		return board.of("cciaa-esempio", f.planId, ReportingFixture.CHECKPOINT);
	}

	private static Group group(List<Group> groups, String key) {
		return groups.stream().filter(g -> g.key().equals(key)).findFirst().orElseThrow();
	}

	@Test
	void aWeekBeforeTheDeadlineThePostedResultCountsAndTheRestIsMissingByOfficeAndManager() {
		at(ReportingFixture.next("01-08"));

		CompletionView view = view();

		assertThat(view.phase()).isEqualTo("OPEN");
		assertThat(view.totals()).isEqualTo(new CompletionView.Counts(7, 1, 6, 0));
		assertThat(group(view.byOffice(), "ANA").outstanding()).containsExactly("1.1.1/2", "1.1.1/3", "1.1.1/4");
		assertThat(group(view.byOffice(), "PRM").outstanding()).containsExactly("1.1.2/1", "1.1.2/2", "1.1.2/3");
		assertThat(group(view.byOffice(), "ANA").counts()).isEqualTo(new CompletionView.Counts(4, 1, 3, 0));
		assertThat(group(view.byManager(), "rossi").counts()).isEqualTo(new CompletionView.Counts(7, 1, 6, 0));
		assertThat(view.indicators()).filteredOn(i -> i.indicator().equals("4") && i.objective().equals("1.1.1"))
				.singleElement().satisfies(i -> assertThat(i.user()).isEqualTo("ufficio-registro"));
		assertThat(view.indicators().get(0).status()).isEqualTo(Completion.POSTED);
		assertThat(view.indicators().get(0).postedAt()).isBeforeOrEqualTo(Instant.now());
	}

	@Test
	void afterTheClosingDateWhatIsMissingIsLate() {
		at(ReportingFixture.next("01-16"));

		CompletionView view = view();

		assertThat(view.phase()).isEqualTo("CLOSED");
		assertThat(view.totals()).isEqualTo(new CompletionView.Counts(7, 1, 0, 6));
		assertThat(view.indicators()).filteredOn(i -> i.status() == Completion.LATE).hasSize(6);
	}

	@Test
	void onTheClosingDayNothingIsLateYet() {
		at(ReportingFixture.CLOSES);

		assertThat(view().totals().late()).isZero();
	}

	@Test
	void beforeTheResultWasRecordedItWasMissingToo() {
		at((ReportingFixture.YEAR - 1) + "-06-01");

		CompletionView view = view();

		assertThat(view.phase()).isEqualTo("NOT_OPEN");
		assertThat(view.totals()).isEqualTo(new CompletionView.Counts(7, 0, 7, 0));
	}

	@Test
	void theBoardIsServedToEveryRoleButHr() throws Exception {
		at(ReportingFixture.next("01-08"));
		for (String reader : new String[] { "lettore", "oiv", "dirigente", "pianificatore", "ufficio-anagrafe" }) {
			mvc.perform(get("/api/completion").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
					.header(HttpHeaders.AUTHORIZATION, basic(reader))).andExpect(status().isOk())
					.andExpect(jsonPath("$.totals.due").value(7)).andExpect(jsonPath("$.totals.missing").value(6))
					.andExpect(jsonPath("$.closesOn").value(ReportingFixture.CLOSES))
					.andExpect(jsonPath("$.byOffice[0].key").value("ANA"));
		}
		mvc.perform(get("/api/completion").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("personale"))).andExpect(status().isForbidden());
		mvc.perform(get("/api/completion").param("planId", f.planId).param("checkpoint", ReportingFixture.CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("altro-ente"))).andExpect(status().isNotFound());
	}

	@Test
	void withoutACalendarTheAreaIsTheOfficeAndNothingIsLate() {
		ReportingFixture other = new ReportingFixture(mvc, plans);
		clock.moveTo(Instant.parse((ReportingFixture.YEAR + 3) + "-01-01T00:00:00Z"));

		CompletionView view = board.of("cciaa-esempio", other.planId, ReportingFixture.CHECKPOINT);

		assertThat(view.phase()).isEqualTo("NO_CALENDAR");
		assertThat(view.totals()).isEqualTo(new CompletionView.Counts(7, 0, 7, 0));
		assertThat(view.byOffice()).extracting(Group::key).containsExactly("ANA", "PRM");
	}
}
