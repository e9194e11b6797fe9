package org.cicloperformance.monitoringservice.result.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.support.Contracts;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

class ResultEventsPublishingTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultStore results;

	@Test
	void publishesEachAcceptedVersionKeyedByPlanAndFollowingTheContract() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		String body = """
				{"planId":"%s","objective":"1.1.1","indicator":"2","checkpoint":"2018-06-30",
				 "value":{"components":{"posizioni":2799,"riunioni":3},"text":"Esame 2.799 posizioni e 3 riunioni"},
				 "commentary":"Esaminate 2.799 posizioni","evidence":["verbali"],"reportedBy":"ufficio-ri"}"""
				.formatted(planId);
		String first = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content(body))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String second = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(body.replace("2799", "2800")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		List<String> eventIds = List.of(JsonPath.read(first, "$.eventId"), JsonPath.read(second, "$.eventId"));

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(2);
			});
		}
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId")).containsExactlyElementsOf(eventIds);
		assertThat(mine).extracting(r -> (Integer) JsonPath.read(r.value(), "$.resultVersion")).containsExactly(1, 2);
		ConsumerRecord<String, String> event = mine.get(0);
		assertThat(Contracts.validateResultEvent(event.value())).isEmpty();
		assertThat((Integer) JsonPath.read(event.value(), "$.deviation.components.posizioni")).isEqualTo(-3201);
		assertThat((String) JsonPath.read(event.value(), "$.entity")).isEqualTo("cciaa-esempio");
		assertThat(new String(event.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8))
				.contains("ResultRecorded");
		// the relay neither rewrites nor empties the document: its events stay, the durable record
		assertThat(results.find(ResultDocument.idOf(planId, "1.1.1", "2", "2018-06-30")).orElseThrow().outbox())
				.extracting(OutboxEntry::eventId).containsExactlyElementsOf(eventIds);
	}

	@Test
	void relaysABurstOfVersionsOfSeveralResultsEachInOrder() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		int versions = 12;
		List<String> eventIds = new ArrayList<>();
		for (int v = 1; v <= versions; v++) {
			for (String checkpoint : List.of("2018-06-30", "2018-12-31")) {
				String response = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
						{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"%s",
						 "value":{"number":%d},"reportedBy":"ufficio-ri"}""".formatted(planId, checkpoint, 500 + v)))
						.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
				eventIds.add(JsonPath.read(response, "$.eventId"));
			}
		}

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).hasSize(2 * versions);
			});
		}
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId"))
				.containsExactlyInAnyOrderElementsOf(eventIds);
		assertThat(mine).extracting(ConsumerRecord::partition).containsOnly(mine.get(0).partition());
		for (String checkpoint : List.of("2018-06-30", "2018-12-31")) {
			assertThat(mine).filteredOn(r -> checkpoint.equals(JsonPath.read(r.value(), "$.checkpoint")))
					.extracting(r -> (Integer) JsonPath.read(r.value(), "$.resultVersion"))
					.containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, versions).boxed().toList());
		}
		assertThat(results.find(ResultDocument.idOf(planId, "1.1.1", "1", "2018-06-30")).orElseThrow().outbox())
				.hasSize(versions);
		assertThat(results.find(ResultDocument.idOf(planId, "1.1.1", "1", "2018-12-31")).orElseThrow().outbox())
				.hasSize(versions);
	}
}
