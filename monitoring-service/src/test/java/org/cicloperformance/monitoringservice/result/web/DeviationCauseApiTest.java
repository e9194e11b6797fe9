package org.cicloperformance.monitoringservice.result.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 15: the office explains a deviation with its commentary and a cause category (external, internal, the
 * indicator's design), through the single, batch and CSV APIs; the cause is stored with the version and carried on
 * ResultRecorded; an unknown category is refused by name.
 */
class DeviationCauseApiTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void knowTheSamplePlan() {
		planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
	}

	String item(String indicator, String value, String cause) {
		return """
				{"planId":"%s","objective":"1.1.1","indicator":"%s","checkpoint":"2018-06-30","value":%s,
				 "commentary":"Meno posizioni del previsto: personale ridotto","evidence":[],"reportedBy":"ufficio-ri",
				 "deviationCause":%s}""".formatted(planId, indicator, value, cause == null ? "null" : "\"" + cause + "\"");
	}

	@Test
	void storesTheCauseWithTheVersionAndCarriesItOnTheEvent() throws Exception {
		String answer = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item("1", "{\"number\": 400}", "INTERNAL")))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.deviationCause").value("INTERNAL"))
				.andExpect(jsonPath("$.deviation.number").value(-100))
				.andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-06-30/versions/1", planId))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.deviationCause").value("INTERNAL"))
				.andExpect(jsonPath("$.commentary").value("Meno posizioni del previsto: personale ridotto"));

		String eventId = JsonPath.read(answer, "$.eventId");
		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(1);
			});
		}
		String event = mine.get(0).value();
		assertThat((String) JsonPath.read(event, "$.eventId")).isEqualTo(eventId);
		assertThat((String) JsonPath.read(event, "$.deviationCause")).isEqualTo("INTERNAL");
		assertThat(Contracts.validateResultEvent(event)).isEmpty();
	}

	@Test
	void aResultWithoutACauseHasNone() throws Exception {
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item("1", "{\"number\": 700}", null)))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.deviationCause").value(org.hamcrest.Matchers.nullValue()));
	}

	@Test
	void refusesAnUnknownCauseNamingTheFieldAndStoresNothing() throws Exception {
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item("1", "{\"number\": 400}", "METEO")))
				.andExpect(status().isUnprocessableContent())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].pointer").value("/deviationCause"))
				.andExpect(jsonPath("$.errors[0].code").value("deviation-cause-unknown"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("EXTERNAL")));
		String batch = "{\"results\":[" + item("1", "{\"number\": 400}", "EXTERNAL") + ","
				+ item("3", "{\"number\": 70}", "external") + "]}";
		mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content(batch))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors", hasSize(1)))
				.andExpect(jsonPath("$.errors[0].pointer").value("/results/1/deviationCause"));
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item("1", "{\"number\": 400}", "X".repeat(300))))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].pointer").value("/deviationCause"))
				.andExpect(jsonPath("$.errors[0].code").value("text-too-long"));
		mvc.perform(get("/api/results").param("planId", planId)).andExpect(jsonPath("$", hasSize(0)));
	}

	@Test
	void readsTheCauseColumnOfACsvAsCodeOrItalianWords() throws Exception {
		String header = "piano;obiettivo;indicatore;checkpoint;valore;commento;evidenze;referente;motivo;causa";
		String good = String.join("\r\n", header,
				"PIANO;1.1.1;1;30/06/2018;400;Personale ridotto;;ufficio-ri;;interna",
				"PIANO;1.1.1;3;30/06/2018;70%;Indicatore mal costruito;;ufficio-ri;;legata alla costruzione dell'indicatore",
				"PIANO;1.1.1;4;30/06/2018;1,5;;;ufficio-ri;;EXTERNAL",
				"PIANO;1.1.2;2;30/06/2018;SI;;;ufficio-ri;;").replace("PIANO", planId);
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(good))
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.results[0].deviationCause").value("INTERNAL"))
				.andExpect(jsonPath("$.results[1].deviationCause").value("INDICATOR_DESIGN"))
				.andExpect(jsonPath("$.results[2].deviationCause").value("EXTERNAL"))
				.andExpect(jsonPath("$.results[3].deviationCause").value(org.hamcrest.Matchers.nullValue()));
		String bad = String.join("\r\n", header, "PIANO;1.1.1;1;30/06/2018;400;;;ufficio-ri;;grandine")
				.replace("PIANO", planId);
		mvc.perform(post("/api/results/csv").contentType("text/csv").content(bad))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].line").value(2))
				.andExpect(jsonPath("$.errors[0].column").value("causa"))
				.andExpect(jsonPath("$.errors[0].code").value("deviation-cause-unknown"));
	}
}
