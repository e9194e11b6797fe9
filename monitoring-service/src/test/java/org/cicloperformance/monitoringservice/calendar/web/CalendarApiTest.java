package org.cicloperformance.monitoringservice.calendar.web;

import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** The reporting calendar over HTTP: who sets and reads it, what it answers, and every refusal with its pointer. */
class CalendarApiTest extends IntegrationTestBase {

	static final String VALID = """
			{"opensOn":"2018-06-01","closesOn":"2018-07-15","reminderDays":[-7,-2,3],
			 "note":"Date di esempio",
			 "offices":[{"office":"ANA","name":"Ufficio anagrafe","email":"anagrafe@ente.example"}],
			 "assignments":[{"objective":"1.1.2","indicator":"1","office":"ufficio-bandi","user":"mario.rossi"}],
			 "plannerEmail":"pianificazione@ente.example"}""";

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	final String planId = "piano-calendario-" + UUID.randomUUID();

	@BeforeEach
	void aKnownPlan() {
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	ResultActions putAs(String user, String body) throws Exception {
		return mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic(user)).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	ResultActions getAs(String user) throws Exception {
		return mvc.perform(get("/api/calendars").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic(user)));
	}

	@Test
	void thePlannerSetsTheCalendarAndEachIndicatorHasItsOffice() throws Exception {
		putAs("pianificatore", VALID).andExpect(status().isOk())
				.andExpect(jsonPath("$.calendar.revision").value(1))
				.andExpect(jsonPath("$.calendar.closesOn").value("2018-07-15"))
				.andExpect(jsonPath("$.calendar.updatedBy").value("pianificatore"))
				.andExpect(jsonPath("$.planVersion").value(1))
				.andExpect(jsonPath("$.responsibilities.length()").value(7))
				.andExpect(jsonPath("$.responsibilities[0].objective").value("1.1.1"))
				.andExpect(jsonPath("$.responsibilities[0].office").value("ANA"))
				.andExpect(jsonPath("$.responsibilities[0].source").value("area"))
				.andExpect(jsonPath("$.responsibilities[0].due").value(true))
				.andExpect(jsonPath("$.responsibilities[3].due").value(false))
				.andExpect(jsonPath("$.responsibilities[4].office").value("ufficio-bandi"))
				.andExpect(jsonPath("$.responsibilities[4].user").value("mario.rossi"))
				.andExpect(jsonPath("$.responsibilities[4].source").value("assignment"));

		for (String reader : new String[] { "lettore", "oiv", "dirigente", "ufficio-anagrafe" }) {
			getAs(reader).andExpect(status().isOk()).andExpect(jsonPath("$.calendar.reminderDays[0]").value(-7));
		}
		putAs("pianificatore", VALID.replace("2018-07-15", "2018-07-20")).andExpect(status().isOk())
				.andExpect(jsonPath("$.calendar.revision").value(2));
		getAs("lettore").andExpect(jsonPath("$.calendar.closesOn").value("2018-07-20"));
	}

	@Test
	void anInvalidCalendarIsRefusedNamingEachFieldAndNothingIsStored() throws Exception {
		String invalid = """
				{"opensOn":"2018-07-15","closesOn":"2016-07-01","reminderDays":[-7,-7,500],"language":"fr",
				 "offices":[{"office":"ANA","email":"non-un-indirizzo"},{"office":"ANA","email":"a@b.example"}],
				 "assignments":[{"objective":"1.1.1","indicator":"9","office":"X"},{"objective":"9.9.9","indicator":"1",
				   "user":"u"},{"objective":"1.1.1","indicator":"1"}],
				 "plannerEmail":"pianificazione"}""";
		putAs("pianificatore", invalid).andExpect(status().isUnprocessableEntity())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.title").value("Calendario rifiutato"))
				.andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("/invalid-calendar")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/closesOn')].code",
						hasItem("calendar-date-out-of-range")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/closesOn')].code",
						hasItem("calendar-closes-before-opening")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/closesOn' && @.code == 'calendar-closes-before-opening')]"
						+ ".message", hasItem(containsString("deve seguire"))))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/language')].code", hasItem("calendar-language")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/plannerEmail')].code", hasItem("email-invalid")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/offices/0/email')].code", hasItem("email-invalid")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/offices/1/office')].code", hasItem("calendar-duplicate")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/assignments/0/indicator')].code",
						hasItem("calendar-indicator-unknown")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/assignments/1/objective')].code",
						hasItem("calendar-objective-unknown")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/assignments/2/office')].code",
						hasItem("calendar-assignment-empty")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/reminderDays/1')].code", hasItem("calendar-duplicate")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/reminderDays/2')].code",
						hasItem("calendar-reminder-day-out-of-range")))
				.andExpect(jsonPath("$.errors.length()").value(11));

		getAs("pianificatore").andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[0].code").value("calendar-unknown"));
	}

	@Test
	void refusalsAreInEnglishOnRequest() throws Exception {
		mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-06-30")
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).header(HttpHeaders.ACCEPT_LANGUAGE, "en")
				.contentType(MediaType.APPLICATION_JSON).content(VALID.replace("2018-06-01", "2018-08-01")))
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.title").value("Calendar refused"))
				.andExpect(jsonPath("$.errors[0].pointer").value("/closesOn"))
				.andExpect(jsonPath("$.errors[0].message").value(
						"The closing date (2018-07-15) must come after the opening date (2018-08-01)."));
	}

	@Test
	void missingDatesAndOversizedListsAreRefused() throws Exception {
		String offices = IntStream.range(0, 101).mapToObj(i -> "{\"office\":\"U" + i + "\",\"email\":\"u@e.example\"}")
				.collect(Collectors.joining(",", "[", "]"));
		putAs("pianificatore", "{\"offices\":" + offices + ",\"note\":\"" + "x".repeat(2001) + "\"}")
				.andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[?(@.pointer == '/opensOn')].code", hasItem("required")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/closesOn')].code", hasItem("required")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/offices')].code", hasItem("too-many-items")))
				.andExpect(jsonPath("$.errors[?(@.pointer == '/note')].code", hasItem("text-too-long")));
		putAs("pianificatore", "{\"opensOn\":\"primo luglio\"}").andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.errors[0].pointer").value("/opensOn"));
	}

	@Test
	void onlyThePlannerSetsItAndOtherEntitiesOrCheckpointsAreNotFound() throws Exception {
		putAs("ufficio-anagrafe", VALID).andExpect(status().isForbidden());
		putAs("oiv", VALID).andExpect(status().isForbidden());
		getAs("personale").andExpect(status().isForbidden());
		putAs("altro-ente", VALID).andExpect(status().isNotFound())
				.andExpect(jsonPath("$.errors[0].code").value("plan-unknown"));
		mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-09-30")
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).contentType(MediaType.APPLICATION_JSON)
				.content(VALID)).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].code").value("checkpoint-unknown"));
	}
}
