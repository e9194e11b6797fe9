package org.cicloperformance.monitoringservice.calendar.web;

import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The interim periods of a calendar (the sample plan's checkpoints are 30/6 and 31/12/2018): what is accepted, and
 * each refusal with its pointer, as a table.
 */
class InterimPeriodsApiTest extends IntegrationTestBase {

	/** A valid 31/12 calendar whose interim periods are {@code %s}. */
	static final String YEAR_END = """
			{"opensOn":"2019-01-02","closesOn":"2019-01-31","interimPeriods":%s}""";

	static final String QUARTER = """
			{"date":"2018-09-30","indicators":[{"objective":"1.1.1","indicator":"1"},
			 {"objective":"1.1.2","indicator":"1"}],"opensOn":"2018-10-01","closesOn":"2018-10-15"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	final String planId = "piano-intermedi-" + UUID.randomUUID();

	@BeforeEach
	void aKnownPlan() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	ResultActions putAt(String checkpoint, String body) throws Exception {
		return mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", checkpoint)
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).contentType(MediaType.APPLICATION_JSON)
				.content(body));
	}

	@Test
	void thePlannerSetsInterimPeriodsBeforeEachCheckpointAndTheyAreStored() throws Exception {
		putAt("2018-12-31", YEAR_END.formatted("[" + QUARTER + "]")).andExpect(status().isOk())
				.andExpect(jsonPath("$.calendar.interimPeriods.length()").value(1))
				.andExpect(jsonPath("$.calendar.interimPeriods[0].date").value("2018-09-30"))
				.andExpect(jsonPath("$.calendar.interimPeriods[0].indicators[1].objective").value("1.1.2"))
				.andExpect(jsonPath("$.calendar.interimPeriods[0].closesOn").value("2018-10-15"));
		putAt("2018-06-30", """
				{"opensOn":"2018-07-01","closesOn":"2018-07-15","interimPeriods":[
				 {"date":"2018-03-31","indicators":[{"objective":"1.1.1","indicator":"1"}]}]}""")
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.calendar.interimPeriods[0].date").value("2018-03-31"));

		mvc.perform(get("/api/calendars").param("planId", planId).param("checkpoint", "2018-12-31")
				.header(HttpHeaders.AUTHORIZATION, basic("lettore")))
				.andExpect(jsonPath("$.calendar.interimPeriods[0].indicators[0].indicator").value("1"));
	}

	@Test
	void aCalendarWithoutInterimPeriodsStaysAsBefore() throws Exception {
		putAt("2018-12-31", "{\"opensOn\":\"2019-01-02\",\"closesOn\":\"2019-01-31\"}").andExpect(status().isOk())
				.andExpect(jsonPath("$.calendar.interimPeriods.length()").value(0));
	}

	static Stream<Arguments> refusals() {
		String one = "\"indicators\":[{\"objective\":\"1.1.1\",\"indicator\":\"1\"}]";
		return Stream.of(
				Arguments.of("on a scored checkpoint", "[{\"date\":\"2018-06-30\"," + one + "}]",
						"/interimPeriods/0/date", "calendar-interim-on-checkpoint"),
				Arguments.of("before the previous checkpoint", "[{\"date\":\"2018-03-31\"," + one + "}]",
						"/interimPeriods/0/date", "calendar-interim-outside-span"),
				Arguments.of("after the checkpoint (another year)", "[{\"date\":\"2019-03-31\"," + one + "}]",
						"/interimPeriods/0/date", "calendar-interim-outside-span"),
				Arguments.of("not increasing", "[{\"date\":\"2018-10-31\"," + one + "},{\"date\":\"2018-09-30\","
						+ one + "}]", "/interimPeriods/1/date", "calendar-interim-not-increasing"),
				Arguments.of("the same date twice", "[{\"date\":\"2018-09-30\"," + one + "},{\"date\":\"2018-09-30\","
						+ one + "}]", "/interimPeriods/1/date", "calendar-duplicate"),
				Arguments.of("no date", "[{" + one + "}]", "/interimPeriods/0/date", "required"),
				Arguments.of("a null period", "[null]", "/interimPeriods/0", "required"),
				Arguments.of("no indicator", "[{\"date\":\"2018-09-30\",\"indicators\":[]}]",
						"/interimPeriods/0/indicators", "required"),
				Arguments.of("an unknown indicator", "[{\"date\":\"2018-09-30\",\"indicators\":[{\"objective\":"
						+ "\"1.1.1\",\"indicator\":\"9\"}]}]", "/interimPeriods/0/indicators/0/indicator",
						"calendar-indicator-unknown"),
				Arguments.of("an unknown objective", "[{\"date\":\"2018-09-30\",\"indicators\":[{\"objective\":"
						+ "\"9.9.9\",\"indicator\":\"1\"}]}]", "/interimPeriods/0/indicators/0/objective",
						"calendar-objective-unknown"),
				Arguments.of("an indicator twice", "[{\"date\":\"2018-09-30\",\"indicators\":[{\"objective\":"
						+ "\"1.1.1\",\"indicator\":\"1\"},{\"objective\":\"1.1.1\",\"indicator\":\"1\"}]}]",
						"/interimPeriods/0/indicators/1", "calendar-duplicate"),
				Arguments.of("an indicator without its objective", "[{\"date\":\"2018-09-30\",\"indicators\":"
						+ "[{\"indicator\":\"1\"}]}]", "/interimPeriods/0/indicators/0/objective", "required"),
				Arguments.of("closing before opening", "[{\"date\":\"2018-09-30\"," + one
						+ ",\"opensOn\":\"2018-10-10\",\"closesOn\":\"2018-10-05\"}]", "/interimPeriods/0/closesOn",
						"calendar-closes-before-opening"),
				Arguments.of("closing before the period's date", "[{\"date\":\"2018-09-30\"," + one
						+ ",\"closesOn\":\"2018-09-15\"}]", "/interimPeriods/0/closesOn",
						"calendar-interim-closes-before-date"),
				Arguments.of("opening years away", "[{\"date\":\"2018-09-30\"," + one
						+ ",\"opensOn\":\"2015-10-01\"}]", "/interimPeriods/0/opensOn", "calendar-date-out-of-range"),
				Arguments.of("thirteen periods", IntStream.rangeClosed(1, 13)
						.mapToObj(d -> "{\"date\":\"2018-08-%02d\",%s}".formatted(d, one))
						.collect(Collectors.joining(",", "[", "]")), "/interimPeriods", "too-many-items"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("refusals")
	void anInvalidInterimPeriodIsRefusedNamingItsField(String why, String periods, String pointer, String code)
			throws Exception {
		ResultActions refused = putAt("2018-12-31", YEAR_END.formatted(periods))
				.andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors.length()").value(1))
				.andExpect(jsonPath("$.errors[?(@.pointer == '" + pointer + "')].code", hasItem(code)));
		if (code.startsWith("calendar-")) {
			refused.andExpect(jsonPath("$.title").value("Calendario rifiutato"));
		}

		mvc.perform(get("/api/calendars").param("planId", planId).param("checkpoint", "2018-12-31")
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore"))).andExpect(status().isNotFound());
	}

	@Test
	void aPeriodAfterTheCheckpointBelongsToTheNextCalendarAndTheRefusalSaysSoInEnglish() throws Exception {
		mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON).content("""
						{"opensOn":"2018-07-01","closesOn":"2018-07-15","interimPeriods":[%s]}""".formatted(QUARTER)))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].pointer").value("/interimPeriods/0/date"))
				.andExpect(jsonPath("$.errors[0].message").value("The interim period 2018-09-30 must fall after "
						+ "2017-12-31 and before 2018-06-30 (both excluded): the interim periods of a checkpoint "
						+ "(2018-06-30) precede it, after the previous checkpoint and within the plan's year."));
	}
}
