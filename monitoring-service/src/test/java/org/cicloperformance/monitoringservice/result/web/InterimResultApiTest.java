package org.cicloperformance.monitoringservice.result.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
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
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Results at an interim period of the calendar (30/9/2018, set by the 31/12 calendar of the sample plan for 1.1.1/1
 * only) on the real stack: the whole path of a result (validation, idempotency, versions, outbox, event marked
 * interim), the indicators it does not list refused, no checkpoint opened, and its completion board.
 */
class InterimResultApiTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	String planId;

	@BeforeEach
	void aPlanWithAQuarterlyPeriodAt30September() throws Exception {
		planId = "piano-trimestrale-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		mvc.perform(put("/api/calendars").param("planId", planId).param("checkpoint", "2018-12-31")
				.header(HttpHeaders.AUTHORIZATION, basic("pianificatore")).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"opensOn":"2019-01-02","closesOn":"2019-01-31","interimPeriods":[
						 {"date":"2018-09-30","indicators":[{"objective":"1.1.1","indicator":"1"}],
						  "opensOn":"2018-10-01","closesOn":"2018-10-15"}]}"""))
				.andExpect(status().isOk());
	}

	String item(String indicator, String checkpoint, String value) {
		return """
				{"planId":"%s","objective":"1.1.1","indicator":"%s","checkpoint":"%s","value":%s,
				 "commentary":"Dato trimestrale"}""".formatted(planId, indicator, checkpoint, value);
	}

	ResultActions post1(String json, String key) throws Exception {
		var request = post("/api/results").contentType(MediaType.APPLICATION_JSON).content(json);
		if (key != null) {
			request.header("Idempotency-Key", key);
		}
		return mvc.perform(request);
	}

	@Test
	void anInterimResultTakesTheWholePathAndItsEventSaysInterim() throws Exception {
		String key = UUID.randomUUID().toString();
		String first = post1(item("1", "2018-09-30", "{\"number\": 400, \"text\": \"400\"}"), key)
				.andExpect(status().isCreated())
				.andExpect(jsonPath("$.checkpoint").value("2018-09-30"))
				.andExpect(jsonPath("$.version").value(1))
				.andExpect(jsonPath("$.interim").value(true))
				.andExpect(jsonPath("$.deviation.notDue").value(true))
				.andReturn().getResponse().getContentAsString();
		// the same request again: the first answer, nothing written twice
		post1(item("1", "2018-09-30", "{\"number\": 400, \"text\": \"400\"}"), key).andExpect(status().isCreated())
				.andExpect(jsonPath("$.eventId").value((String) JsonPath.read(first, "$.eventId")));
		// a correction is version 2, the first kept
		String second = post1(item("1", "2018-09-30", "{\"number\": 410, \"text\": \"410\"}")
				.replace("\"commentary\"", "\"reason\":\"rettifica\",\"commentary\""), null)
				.andExpect(status().isCreated()).andExpect(jsonPath("$.version").value(2))
				.andExpect(jsonPath("$.interim").value(true)).andReturn().getResponse().getContentAsString();
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-09-30/versions", planId))
				.andExpect(jsonPath("$.length()").value(2))
				.andExpect(jsonPath("$[0].value.number").value(400));

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(2);
			});
		}
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId")).containsExactly(
				JsonPath.read(first, "$.eventId"), JsonPath.read(second, "$.eventId"));
		assertThat(mine).allSatisfy(r -> {
			assertThat(Contracts.validateResultEvent(r.value())).isEmpty();
			assertThat((Boolean) JsonPath.read(r.value(), "$.interim")).isTrue();
			assertThat((String) JsonPath.read(r.value(), "$.checkpoint")).isEqualTo("2018-09-30");
		});
	}

	@Test
	void aResultAtACheckpointIsNotInterim() throws Exception {
		post1(item("1", "2018-06-30", "{\"number\": 500}"), null).andExpect(status().isCreated())
				.andExpect(jsonPath("$.interim").value(false));
	}

	@Test
	void anIndicatorThePeriodDoesNotListIsRefusedAndADateWithoutAPeriodIsNoCheckpoint() throws Exception {
		post1(item("3", "2018-09-30", "{\"number\": 80}"), null).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].pointer").value("/indicator"))
				.andExpect(jsonPath("$.errors[0].code").value("interim-indicator-not-listed"));
		post1(item("1", "2018-08-31", "{\"number\": 300}"), null).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].pointer").value("/checkpoint"))
				.andExpect(jsonPath("$.errors[0].code").value("checkpoint-unknown"));
		mvc.perform(get("/api/results/{p}/1.1.1/3/2018-09-30/versions", planId)).andExpect(status().isNotFound());
	}

	@Test
	void aBatchWithAnUnlistedInterimItemIsRefusedWhole() throws Exception {
		mvc.perform(post("/api/results/batch").contentType(MediaType.APPLICATION_JSON).content("{\"results\":["
				+ item("1", "2018-09-30", "{\"number\": 400}") + "," + item("3", "2018-09-30", "{\"number\": 80}")
				+ "]}")).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].pointer").value("/results/1/indicator"));
		mvc.perform(get("/api/results/{p}/1.1.1/1/2018-09-30/versions", planId)).andExpect(status().isNotFound());
	}

	@Test
	void theInterimPeriodHasItsBoardAndOpensNoCheckpoint() throws Exception {
		mvc.perform(get("/api/completion").param("planId", planId).param("checkpoint", "2018-09-30"))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$.interim").value(true))
				.andExpect(jsonPath("$.closesOn").value("2018-10-15"))
				.andExpect(jsonPath("$.totals.due").value(1))
				.andExpect(jsonPath("$.totals.posted").value(0));
		post1(item("1", "2018-09-30", "{\"number\": 400}"), null).andExpect(status().isCreated());

		mvc.perform(get("/api/completion").param("planId", planId).param("checkpoint", "2018-09-30"))
				.andExpect(jsonPath("$.totals.posted").value(1))
				.andExpect(jsonPath("$.indicators[0].status").value("POSTED"));
		mvc.perform(get("/api/completion").param("planId", planId).param("checkpoint", "2018-12-31"))
				.andExpect(jsonPath("$.interim").value(false))
				.andExpect(jsonPath("$.totals.posted").value(0));
		// the checkpoint workflow (submission, review, closing) knows no interim period
		mvc.perform(get("/api/checkpoints/{p}/2018-09-30", planId)).andExpect(status().isUnprocessableEntity())
				.andExpect(jsonPath("$.errors[0].code").value("checkpoint-unknown"));
	}
}
