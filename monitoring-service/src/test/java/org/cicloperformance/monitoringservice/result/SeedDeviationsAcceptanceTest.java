package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The seed document's 30/6 monitoring: the demo plan arrives as a PlanPublished event on the real broker, the demo
 * results are posted as one batch (the demo stack's request, unchanged), and every numeric, compound and milestone
 * deviation is compared with the document's (scostamenti-2018-06-30.json).
 */
class SeedDeviationsAcceptanceTest extends IntegrationTestBase {

	private static final String PLAN_ID = "cciaa-brescia-2018";

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultService results;

	@Test
	void computesTheSeedDocumentsDeviations() throws Exception {
		ObjectNode event = json.createObjectNode();
		event.put("type", "PlanPublished").put("eventId", "6a1c7d9e-1d1e-4f7a-9c1b-2b8e2f1d0a01").put("planId", PLAN_ID)
				.put("entity", "cciaa-brescia").put("year", 2018).put("version", 1)
				.put("occurredAt", "2018-01-31T09:00:00Z").put("causedBy", "demo");
		event.putArray("appliesTo").add("2018-06-30").add("2018-12-31");
		event.set("plan", json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("piano-2018.json"))));
		TestInfrastructure.send(TestInfrastructure.broker().getBrokersAsString(), "plan-events", PLAN_ID,
				json.writeValueAsString(event));
		await().atMost(Duration.ofSeconds(20)).until(() -> !plans.versionsOf(PLAN_ID).isEmpty());

		// As the demo stack posts them: the monitoring office of cciaa-brescia, which works for all three areas.
		mvc.perform(post("/api/results/batch").header(HttpHeaders.AUTHORIZATION, basic("controllo-gestione"))
				.contentType(MediaType.APPLICATION_JSON)
				.content(SamplePlans.read(SamplePlans.DEMO.resolve("risultati-2018-06-30.json"))))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results.length()").value(31));

		Map<String, Deviation> computed = new HashMap<>();
		results.latest("cciaa-brescia", PLAN_ID, "2018-06-30").forEach(r -> computed.put(r.objective() + "/" + r.indicator(), r.deviation()));
		assertThat(computed).hasSize(31);

		List<String> compared = SeedDeviations.assertMatch(computed);
		assertThat(compared).hasSize(20).contains("1.1.1/1", "2.1.2/3", "2.1.1/3", "2.1.1/2", "2.2.1/1");
		assertThat(computed.get("1.1.1/3").notDue()).isTrue();
		assertThat(computed.get("2.1.1/3").number()).isEqualByComparingTo("7.70");
		assertThat(computed.get("2.1.1/2").text()).isEqualTo("-3.201 istanze e -3 riunioni");
	}
}
