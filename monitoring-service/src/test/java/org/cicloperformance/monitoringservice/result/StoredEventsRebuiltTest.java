package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The results collection keeps each ResultRecorded without its JSON, and the JSON built again from the stored version
 * (what the relay sends after a crash) is, character for character, the JSON sent when it was written: for single
 * posts and batches, decimals with trailing zeros, components, texts with accents, evidence, a correction's reason
 * and a deviation cause.
 */
class StoredEventsRebuiltTest extends IntegrationTestBase {

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	ResultEvents events;

	@Test
	void rebuildsFromTheStoredVersionsExactlyTheEventsSentWhenTheyWereWritten() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		post("""
				{"planId":"%s","objective":"1.1.1","indicator":"2","checkpoint":"2018-06-30",
				 "value":{"components":{"posizioni":2799,"riunioni":3},"text":"Esame 2.799 posizioni e 3 riunioni"},
				 "commentary":"Attività più lenta: è mancato personale","evidence":["verbali"],
				 "reportedBy":"ufficio-ri","deviationCause":"EXTERNAL"}""".formatted(planId), "/api/results");
		post("""
				{"planId":"%s","objective":"1.1.1","indicator":"2","checkpoint":"2018-06-30",
				 "value":{"components":{"posizioni":2800,"riunioni":3},"text":"Esame 2.800 posizioni"},
				 "reportedBy":"ufficio-ri","reason":"Conteggio corretto dopo la verifica"}""".formatted(planId),
				"/api/results");
		post("""
				{"results":[
				 {"planId":"%1$s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30","value":{"number":82.70},
				  "reportedBy":"ufficio-ri"},
				 {"planId":"%1$s","objective":"1.1.1","indicator":"1","checkpoint":"2018-12-31","value":{"number":501},
				  "commentary":"Valore provvisorio","reportedBy":"ufficio-ri"}]}""".formatted(planId),
				"/api/results/batch");

		Map<String, String> sent = new HashMap<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure
				.consumer(TestInfrastructure.broker().getBrokersAsString(), "result-events")) {
			await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
				TestInfrastructure.poll(consumer).stream().filter(r -> planId.equals(r.key()))
						.forEach(r -> sent.put(new DocumentCodec().fromDocument(Document.parse(r.value()),
								OutboxEntryId.class).eventId(), r.value()));
				assertThat(sent).hasSize(4);
			});
		}

		List<Document> stored = mongo.getCollection(ResultStore.COLLECTION).find(new Document("planId", planId))
				.into(new java.util.ArrayList<>());
		assertThat(stored).hasSize(3);
		int rebuilt = 0;
		for (Document document : stored) {
			for (Document event : document.getList("outbox", Document.class)) {
				assertThat(event).as("stored without its JSON").doesNotContainKey("payload");
				OutboxEntry entry = new DocumentCodec().fromDocument(event, OutboxEntry.class);
				assertThat(events.payload(document, entry)).isEqualTo(sent.get(entry.eventId()));
				rebuilt++;
			}
		}
		assertThat(rebuilt).isEqualTo(4);
	}

	@Test
	void rebuildsNothingForAnEventItsVersionsDoNotHold() {
		Document document = new Document("_id", "x").append("planId", "p").append("currentVersion", 0)
				.append("versions", List.of());
		assertThat(events.payload(document, new OutboxEntry("missing", "p", ResultRecorded.TYPE, null, 0))).isNull();
		assertThat(events.payload(document, new OutboxEntry("e", "p", "EvidenceAttached", null, 0))).isNull();
	}

	record OutboxEntryId(String eventId) {
	}

	private void post(String body, String path) throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(path)
				.contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().is2xxSuccessful());
	}
}
