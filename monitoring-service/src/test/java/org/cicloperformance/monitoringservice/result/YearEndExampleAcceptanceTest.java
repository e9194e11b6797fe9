package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The demo's year-end example (deploy/local, "esempio, non dal documento") is accepted as the launcher and
 * deploy/ciclo-31-dicembre.sh post it: one batch of 38 results at 31/12, measured on plan version 2 (the demo's
 * revision applied), with the offices' causes kept and the deviations the Relazione explains.
 */
class YearEndExampleAcceptanceTest extends IntegrationTestBase {

	private static final String PLAN_ID = "esempio-cciaa-brescia-2018";

	private static final Path EXAMPLE = Path.of("../deploy/local/src/main/resources/esempio/risultati-2018-12-31.json");

	private final JsonMapper json = JsonMapper.builder().build();

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultService results;

	@Test
	void acceptsEveryExampleResultOnVersion2WithItsCause() throws Exception {
		JsonNode plan = json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("piano-2018.json")));
		JsonNode revision = json.readTree(SamplePlans.read(SamplePlans.DEMO.resolve("revisione-2018.json")));
		send(event("PlanPublished", 1, plan, null, "2018-06-30", "2018-12-31"));
		send(event("PlanRevised", 2, revised(plan, revision), revision, "2018-12-31"));
		await().atMost(Duration.ofSeconds(20)).until(() -> plans.versionsOf(PLAN_ID).size() == 2);

		ObjectNode batch = json.createObjectNode();
		batch.set("results", json.readTree(SamplePlans.read(EXAMPLE).replace("\"cciaa-brescia-2018\"",
				"\"" + PLAN_ID + "\"")).path("results"));
		mvc.perform(post("/api/results/batch").header(HttpHeaders.AUTHORIZATION, basic("controllo-gestione"))
				.contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(batch)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results.length()").value(38))
				.andExpect(jsonPath("$.results[?(@.deviationCause != null)]", org.hamcrest.Matchers.hasSize(8)));

		Map<String, RecordedResult> stored = new HashMap<>();
		results.latest("cciaa-brescia", PLAN_ID, "2018-12-31")
				.forEach(r -> stored.put(r.objective() + "/" + r.indicator(), r));
		assertThat(stored).hasSize(38);
		assertThat(stored.values()).allSatisfy(r -> {
			assertThat(r.planVersion()).isEqualTo(2);
			assertThat(r.commentary()).startsWith("Esempio, non dal documento.");
		});
		assertThat(stored.get("2.1.1/1").deviation().number()).isEqualByComparingTo("-250");
		assertThat(stored.get("2.1.1/1").deviationCause()).isEqualTo("INTERNAL");
		assertThat(stored.get("2.1.2/3").deviation().number()).isEqualByComparingTo("-2100");
		assertThat(stored.get("2.2.1/3").deviationCause()).isEqualTo("EXTERNAL");
		assertThat(stored.get("3.1.1/2").deviation().number()).isEqualByComparingTo("-1");
		assertThat(stored.get("3.1.1/2").deviationCause()).isEqualTo("INDICATOR_DESIGN");
		assertThat(stored.get("3.1.2/1").deviation().missedMilestones()).containsExactly("M4");
		assertThat(stored.get("2.2.1/5").deviation().number()).as("the indicator version 2 adds")
				.isEqualByComparingTo("3");
		assertThat(stored.get("1.1.1/1").deviation().number()).as("against the revised target 11")
				.isEqualByComparingTo("3");
	}

	private void send(ObjectNode event) {
		TestInfrastructure.send(TestInfrastructure.broker().getBrokersAsString(), "plan-events", PLAN_ID,
				json.writeValueAsString(event));
	}

	private ObjectNode event(String type, int version, JsonNode plan, JsonNode revision, String... appliesTo) {
		ObjectNode event = json.createObjectNode();
		event.put("type", type).put("eventId", java.util.UUID.randomUUID().toString()).put("planId", PLAN_ID)
				.put("entity", "cciaa-brescia").put("year", 2018).put("version", version)
				.put("occurredAt", version == 1 ? "2018-01-31T09:00:00Z" : "2018-09-17T10:00:00Z")
				.put("causedBy", "demo");
		ArrayNode applies = event.putArray("appliesTo");
		for (String checkpoint : appliesTo) {
			applies.add(checkpoint);
		}
		event.set("plan", plan);
		event.set("revision", revision);
		return event;
	}

	/** The demo plan with the demo revision's changes applied, as plan-service publishes version 2. */
	private static JsonNode revised(JsonNode original, JsonNode revision) {
		ObjectNode plan = (ObjectNode) original.deepCopy();
		for (JsonNode change : revision.path("changes")) {
			ObjectNode objective = find(plan, change.path("objective").asString());
			switch (change.path("type").asString()) {
				case "TARGET_CHANGED" -> {
					ArrayNode targets = (ArrayNode) indicator(objective, change.path("indicator").asString())
							.path("targets");
					String checkpoint = change.path("target").path("checkpoint").asString();
					for (int i = targets.size() - 1; i >= 0; i--) {
						if (checkpoint.equals(targets.get(i).path("checkpoint").asString())) {
							targets.remove(i);
						}
					}
					targets.add(change.path("target"));
				}
				case "INDICATOR_WEIGHT_CHANGED" -> indicator(objective, change.path("indicator").asString())
						.set("weight", change.path("weight"));
				case "INDICATOR_ADDED" -> ((ArrayNode) objective.path("indicators"))
						.add(change.path("indicatorDefinition"));
				default -> throw new IllegalStateException("change not applied by this test: " + change);
			}
		}
		return plan;
	}

	private static ObjectNode find(JsonNode plan, String code) {
		for (JsonNode area : plan.path("strategicAreas")) {
			for (JsonNode strategic : area.path("strategicObjectives")) {
				for (JsonNode objective : strategic.path("operationalObjectives")) {
					if (code.equals(objective.path("code").asString())) {
						return (ObjectNode) objective;
					}
				}
			}
		}
		throw new IllegalArgumentException("no objective " + code);
	}

	private static ObjectNode indicator(ObjectNode objective, String code) {
		for (JsonNode indicator : objective.path("indicators")) {
			if (code.equals(indicator.path("code").asString())) {
				return (ObjectNode) indicator;
			}
		}
		throw new IllegalArgumentException("no indicator " + code);
	}
}
