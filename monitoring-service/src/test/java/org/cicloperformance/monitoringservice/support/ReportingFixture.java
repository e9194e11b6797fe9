package org.cicloperformance.monitoringservice.support;

import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A plan of the current year for the calendar features: the golden sample moved from 2018 to this year (so results
 * recorded now come before its closing date, whatever the day the tests run), objective 1.1.1 of area ANA
 * (indicators 1–4), 1.1.2 moved to area PRM (indicators 1–3), all seven due at 31/12. The calendar opens on 1/12
 * and closes on 15/1 of the next year; its offices' addresses are unique to the fixture, so tests find their own
 * messages.
 */
public final class ReportingFixture {

	public static final int YEAR = java.time.Year.now(java.time.ZoneOffset.UTC).getValue();

	public static final String CHECKPOINT = YEAR + "-12-31";

	/** The closing date. */
	public static final String CLOSES = (YEAR + 1) + "-01-15";

	/** A day of the next year ("MM-dd"). */
	public static String next(String monthDay) {
		return (YEAR + 1) + "-" + monthDay;
	}

	public final String planId = "piano-cal-" + UUID.randomUUID();

	public final String tag = planId.substring(10, 18);

	public final String ana = "ana-" + tag + "@ente.example";

	public final String prm = "prm-" + tag + "@ente.example";

	public final String planner = "pianificazione-" + tag + "@ente.example";

	private final MockMvc mvc;

	public ReportingFixture(MockMvc mvc, PlanVersionStore plans) {
		this.mvc = mvc;
		String event = SamplePlans.withArea(SamplePlans.published("PIANO-CAL"), "1.1.2", "PRM").replace("2018", String.valueOf(YEAR))
				.replace("PIANO-CAL", planId);
		plans.saveIfAbsent(SamplePlans.version(event));
	}

	/** The calendar request: window 1/12 to 15/1, 1.1.1/4 assigned to a named user of ANA. */
	public String calendar(String reminderDays, String language) {
		return """
				{"opensOn":"%d-12-01","closesOn":"%s","reminderDays":%s,"language":"%s",
				 "offices":[{"office":"ANA","name":"Ufficio anagrafe","email":"%s"},
				            {"office":"PRM","name":"Ufficio promozione","email":"%s"}],
				 "assignments":[{"objective":"1.1.1","indicator":"4","office":"ANA","user":"ufficio-registro"}],
				 "plannerEmail":"%s"}""".formatted(YEAR, CLOSES, reminderDays, language, ana, prm, planner);
	}

	public void setCalendar(String body) throws Exception {
		mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", CHECKPOINT)
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).contentType(MediaType.APPLICATION_JSON)
				.content(body)).andExpect(status().isOk());
	}

	/** Posts 1.1.1/1 (as the ANA office), now. */
	public void postFirstResult() throws Exception {
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"%s","value":{"number":600}}"""
				.formatted(planId, CHECKPOINT))).andExpect(status().isCreated());
	}
}
