package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.UUID;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * A small plan (the golden sample: objective 1.1.1 of manager rossi, 1.1.2 of manager bianchi, both of area ANA;
 * five indicators due at 2018-06-30) and the calls of the workflow, each as a given user.
 */
final class CheckpointSteps {

	static final String CHECKPOINT = "2018-06-30";

	/** The five results due at 30/6, one per indicator. */
	static final String RESULTS = """
			{"results":[
			 {"planId":"%1$s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":600}},
			 {"planId":"%1$s","objective":"1.1.1","indicator":"2","checkpoint":"2018-06-30",
			  "value":{"components":{"posizioni":2799,"riunioni":3}}},
			 {"planId":"%1$s","objective":"1.1.1","indicator":"3","checkpoint":"2018-06-30","value":{"number":82.70}},
			 {"planId":"%1$s","objective":"1.1.2","indicator":"1","checkpoint":"2018-06-30",
			  "value":{"delivered":[{"milestone":"M1","date":"2018-03-28"}]}},
			 {"planId":"%1$s","objective":"1.1.2","indicator":"2","checkpoint":"2018-06-30","value":{"yes":true}}]}""";

	private final MockMvc mvc;

	final String planId = "piano-" + UUID.randomUUID();

	CheckpointSteps(MockMvc mvc, PlanVersionStore plans) {
		this.mvc = mvc;
		plans.saveIfAbsent(SamplePlans.version(
				SamplePlans.withManager(SamplePlans.published(planId), "1.1.2", "bianchi")));
	}

	String path(String suffix) {
		return "/api/checkpoints/" + planId + "/" + CHECKPOINT + suffix;
	}

	ResultActions recordAll() throws Exception {
		return mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON)
				.content(RESULTS.formatted(planId)));
	}

	ResultActions record(String objective, String indicator, String value) throws Exception {
		return mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"%s","indicator":"%s","checkpoint":"%s","value":%s,"reason":"correzione"}"""
				.formatted(planId, objective, indicator, CHECKPOINT, value)));
	}

	ResultActions view(String user) throws Exception {
		return mvc.perform(get(path("")).header(HttpHeaders.AUTHORIZATION, basic(user)));
	}

	ResultActions call(String user, String suffix, String body) throws Exception {
		var request = post(path(suffix)).header(HttpHeaders.AUTHORIZATION, basic(user));
		if (body != null) {
			request = request.contentType(MediaType.APPLICATION_JSON).content(body);
		}
		return mvc.perform(request);
	}

	ResultActions submit(String user, String commentary) throws Exception {
		return call(user, "/submissions", """
				{"commentary":"%s","proposals":["prop-1"]}""".formatted(commentary));
	}

	ResultActions verdict(String objective, String indicator, String verdict, String adjusted, String reason)
			throws Exception {
		return call("oiv", "/verdicts", """
				{"objective":"%s","indicator":"%s","verdict":"%s","adjustedAchievement":%s,"reason":%s}"""
				.formatted(objective, indicator, verdict, adjusted, reason == null ? "null" : "\"" + reason + "\""));
	}

	/** Results recorded and submitted by both managers. */
	void submitted() throws Exception {
		recordAll();
		submit("dirigente", "Risultati in linea con il piano");
		submit("dirigente-bianchi", "Nessuna criticità");
	}

	/** Submitted and under the OIV's review. */
	void underReview() throws Exception {
		submitted();
		call("oiv", "/review", null);
	}

	/** Every due indicator validated, and closed (closing 1). */
	void closed() throws Exception {
		underReview();
		for (String[] i : new String[][] { { "1.1.1", "1" }, { "1.1.1", "2" }, { "1.1.1", "3" }, { "1.1.2", "1" },
				{ "1.1.2", "2" } }) {
			verdict(i[0], i[1], "VALIDATED", "null", null);
		}
		call("oiv", "/closing", null);
	}
}
