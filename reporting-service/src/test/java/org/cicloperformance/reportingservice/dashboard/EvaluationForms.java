package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.report.YearEndExample;
import org.cicloperformance.reportingservice.score.ScoreStore;
import org.cicloperformance.reportingservice.support.DemoStack;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.SignIn;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The dashboard's schede di valutazione as a browser submits them (session, CSRF token, form fields), on a plan of
 * the test's own: the demo's year-end example scored, then closed by the OIV at 31/12 so that its scores are FINAL.
 */
record EvaluationForms(MockMvc mvc, String plan) {

	static final String DECEMBER = YearEndExample.DECEMBER;

	/** The example's results, scored on plan version 2 (all 38 measured), not yet closed. */
	static void results(String planId, ScoreStore scores) {
		DemoStack.seed(planId, scores);
		YearEndExample.events(planId).forEach(e -> Events.publish("result-events", planId, e));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> scores.find(planId, DECEMBER).filter(d -> d.scorecard().planVersion() == 2
					&& d.scorecard().indicators().stream().filter(i -> i.result() != null).count() == 38)
				.isPresent());
	}

	/** The OIV's closing of 31/12: the scores the schede are made from. */
	static void close(String planId, CurrentScores current) {
		Events.publish("checkpoint-events", planId, YearEndExample.closed(planId));
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
			.until(() -> current.resolve(planId, DECEMBER).filter(c -> c.closing() != null).isPresent());
	}

	String schede() {
		return "/dashboard/plans/" + plan + "/schede";
	}

	String scheda(String manager) {
		return schede() + "/" + manager;
	}

	MockHttpServletResponse page(String path, MockHttpSession session) throws Exception {
		return mvc.perform(get(path).session(session)).andReturn().getResponse();
	}

	String html(String path, MockHttpSession session, int status) throws Exception {
		MockHttpServletResponse response = page(path, session);
		assertThat(response.getStatus()).as(path + " " + response.getContentAsString(StandardCharsets.UTF_8))
			.isEqualTo(status);
		return response.getContentAsString(StandardCharsets.UTF_8);
	}

	/** A form posted with the session's CSRF token (any page's sign-out form carries it; the refusal page is one). */
	MockHttpServletResponse submit(String path, MockHttpSession session, String... fields) throws Exception {
		String token = SignIn.csrfToken(mvc.perform(get("/dashboard/forbidden").session(session)).andReturn()
			.getResponse());
		var call = post(path).session(session).param("_csrf", token);
		for (int i = 0; i + 1 < fields.length; i += 2) {
			call.param(fields[i], fields[i + 1]);
		}
		return mvc.perform(call).andReturn().getResponse();
	}

	/** The scheda's revision as its page's forms carry it. */
	String revision(String manager, MockHttpSession session) throws Exception {
		String page = html(scheda(manager), session, 200);
		var m = java.util.regex.Pattern.compile("name=\"revision\" value=\"([0-9]+)\"").matcher(page);
		assertThat(m.find()).as("a form with the revision on " + manager + "'s scheda").isTrue();
		return m.group(1);
	}

	MockHttpServletResponse create(String manager, MockHttpSession evaluator) throws Exception {
		return submit(schede(), evaluator, "manager", manager, "group", "DIRIGENTE");
	}

	/** Ratings as the form's radio groups send them ({@code DIFF=4} …) with their reasons. */
	MockHttpServletResponse rate(String manager, MockHttpSession evaluator, Map<String, String> levels,
			Map<String, String> reasons) throws Exception {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put("revision", revision(manager, evaluator));
		levels.forEach((code, level) -> fields.put("level-" + code, level));
		reasons.forEach((code, reason) -> fields.put("reason-" + code, reason));
		return submit(scheda(manager) + "/ratings", evaluator,
				fields.entrySet().stream().flatMap(e -> java.util.stream.Stream.of(e.getKey(), e.getValue()))
					.toArray(String[]::new));
	}

	MockHttpServletResponse move(String manager, MockHttpSession session, String action, String reason)
			throws Exception {
		return submit(scheda(manager) + "/transitions", session, "revision", revision(manager, session), "action",
				action, "reason", reason == null ? "" : reason);
	}

	static Map<String, String> levels(int diff, int ris, int risUm, int coll) {
		Map<String, String> levels = new LinkedHashMap<>();
		levels.put("DIFF", Integer.toString(diff));
		levels.put("RIS", Integer.toString(ris));
		levels.put("RIS-UM", Integer.toString(risUm));
		levels.put("COLL", Integer.toString(coll));
		return levels;
	}
}
