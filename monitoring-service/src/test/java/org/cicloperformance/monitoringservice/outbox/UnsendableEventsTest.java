package org.cicloperformance.monitoringservice.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice.basic;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.support.IntegrationTest;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Events Kafka can never take, on the real in-process broker: a write whose event would exceed the producer's
 * {@code max.request.size} (64 KB here) is refused and stores nothing; an event in an outbox that the producer refuses
 * anyway is parked with its reason, and the events after it, of its own plan too, keep flowing. Its own context and
 * database (a relay of the shared context must not send this database's events with its 1 MB producer).
 */
@IntegrationTest
@TestPropertySource(properties = "spring.cloud.stream.kafka.binder.producer-properties.max.request.size=65536")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class UnsendableEventsTest {

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> TestInfrastructure.mongoUri("unsendable-events"));
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> TestInfrastructure.broker().getBrokersAsString());
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultStore results;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MeterRegistry meters;

	@Autowired
	EventSizeLimit limit;

	@Autowired
	@Qualifier(OutboxWiring.RESULTS)
	OutboxWrites resultsOutbox;

	String item(String planId, String indicator, String commentary, String reason) {
		return """
				{"planId":"%s","objective":"1.1.1","indicator":"%s","checkpoint":"2018-06-30","value":{"number":508},
				 "commentary":"%s","reason":"%s"}""".formatted(planId, indicator, commentary, reason);
	}

	@Test
	void refusesAResultWhoseEventWouldExceedTheProducersLimitAndStoresNothing() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		assertThat(limit.maxPayloadBytes()).isEqualTo(65536 - EventSizeLimit.MARGIN);

		// 20,000 "è" each, within the text bounds: 80,000 bytes of event
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item(planId, "1", "è".repeat(20_000), "è".repeat(20_000))))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors[0].code").value("event-too-large"))
				.andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("49.152 byte")));
		assertThat(results.find(ResultDocument.idOf(planId, "1.1.1", "1", "2018-06-30"))).isEmpty();

		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item(planId, "1", "è".repeat(20_000), "motivo")))
				.andExpect(status().isCreated());
	}

	@Test
	void parksAnEventTheProducerRefusesAndRelaysTheOthersOfItsPlan() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		double parkedBefore = meters.counter("monitoring.outbox.parked").count();
		// written before the limit was lowered, say: 100 KB, which the 64 KB producer refuses at every attempt
		String poison = "poison-" + UUID.randomUUID();
		String payload = "{\"type\":\"ResultRecorded\",\"eventId\":\"" + poison + "\",\"entity\":\"cciaa-esempio\","
				+ "\"commentary\":\"" + "x".repeat(100_000) + "\"}";
		OutboxEntry poisonEvent = new OutboxEntry(poison, planId, "ResultRecorded", payload,
				System.currentTimeMillis() - 1000);
		String poisonDocument = ResultDocument.idOf(planId, "1.1.1", "4", "2018-06-30");
		try (OutboxWrite write = resultsOutbox.begin()) {
			mongo.getCollection("results").insertOne(write.stampedDocument(new Document("_id", poisonDocument)
					.append("planId", planId).append("entity", "cciaa-esempio").append("objective", "1.1.1")
					.append("indicator", "4").append("checkpoint", "2018-06-30").append("currentVersion", 1)
					.append("versions", List.of())
					.append("outbox", List.of(new Document("eventId", poison).append("key", planId)
							.append("eventType", "ResultRecorded").append("payload", payload)
							.append("createdAt", poisonEvent.createdAt())))));
			write.written(poisonDocument, List.of(poisonEvent));
		}

		String response = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON)
				.content(item(planId, "1", "dopo l'evento troppo grande", "motivo")))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String after = JsonPath.read(response, "$.eventId");

		List<ConsumerRecord<String, String>> mine = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key())).forEach(mine::add);
				assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId")).contains(after);
			});
		}
		assertThat(mine).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId")).doesNotContain(poison);
		assertThat(mine.get(0).headers().lastHeader("spring_json_header_types")).isNull();
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(meters.get("monitoring.outbox.backlog").gauge().value()).isZero();
			assertThat(meters.counter("monitoring.outbox.parked").count()).isEqualTo(parkedBefore + 1);
		});

		mvc.perform(get("/api/outbox/parked").header(HttpHeaders.AUTHORIZATION, basic("pianificatore")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.eventId == '" + poison + "')]", hasSize(1)))
				.andExpect(jsonPath("$[?(@.eventId == '" + poison + "')].reason").value("record-too-large"))
				.andExpect(jsonPath("$[?(@.eventId == '" + poison + "')].planId").value(planId))
				.andExpect(jsonPath("$[?(@.eventId == '" + poison + "')].payload").doesNotExist());
		mvc.perform(get("/api/outbox/parked").header(HttpHeaders.AUTHORIZATION, basic("altro-ente")))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.eventId == '" + poison + "')]", hasSize(0)));
		mvc.perform(get("/api/outbox/parked")).andExpect(status().isForbidden());
	}
}
