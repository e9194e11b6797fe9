package org.cicloperformance.planservice.plan.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/** Requests several tests make through the real API. */
public final class PlanRequests {

	static final String ACT = """
			{"type": "Deliberazione della Giunta camerale", "number": "12", "date": "2030-01-31"}""";

	private PlanRequests() {
	}

	/** The golden sample's plan, for another entity and year. */
	public static String planJson(String entity, int year) {
		var tree = (tools.jackson.databind.node.ObjectNode) org.cicloperformance.planservice.support.PlanFixtures
			.resource("/contract/plan-published.sample.json")
			.get("plan");
		tree.put("entity", entity);
		tree.put("year", year);
		return tree.toPrettyString();
	}

	/** Creates the golden sample's plan for "ente-test" in {@code year} and approves it; returns its id. */
	public static String createAndApprove(MockMvcTester mvc, int year) {
		var id = "ente-test-" + year;
		assertThat(mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON)
			.content(PlanApiIntegrationTest.planJson("ente-test", year)).exchange()).hasStatus(201);
		assertThat(mvc.post().uri("/api/plans/" + id + "/approval").contentType(MediaType.APPLICATION_JSON)
			.content(ACT).exchange()).hasStatusOk();
		return id;
	}
}
