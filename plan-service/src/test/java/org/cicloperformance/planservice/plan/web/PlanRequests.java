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

	/** Creates the golden sample's plan for {@code entity} in 2030 and approves it; returns its id. */
	public static String createAndApprove(MockMvcTester mvc, String entity) {
		var id = entity + "-2030";
		assertThat(mvc.post().uri("/api/plans").contentType(MediaType.APPLICATION_JSON)
			.content(PlanApiIntegrationTest.planJson(entity, 2030)).exchange()).hasStatus(201);
		assertThat(mvc.post().uri("/api/plans/" + id + "/approval").contentType(MediaType.APPLICATION_JSON)
			.content(ACT).exchange()).hasStatusOk();
		return id;
	}
}
