package org.cicloperformance.monitoringservice.result.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.result.ResultDocument;
import org.cicloperformance.monitoringservice.result.ResultStore;
import org.cicloperformance.monitoringservice.support.AuthenticatedAsAreaOffice;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TcpForwarder;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The service starts while no broker listens on its port, accepts a result (kept in the outbox), and publishes it
 * once a broker comes up on that port. Its own context, closed afterwards.
 */
@SpringBootTest(properties = "monitoring.outbox.relay-delay-ms=100")
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import(AuthenticatedAsAreaOffice.class)
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class BrokerDownTest {

	private static final int PORT = TcpForwarder.freePort();

	private static TcpForwarder forwarder;

	@DynamicPropertySource
	static void properties(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", TestInfrastructure::mongoUri);
		registry.add("spring.cloud.stream.kafka.binder.brokers", () -> "localhost:" + PORT);
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	PlanVersionStore plans;

	@Autowired
	ResultStore results;

	@Autowired
	MeterRegistry meters;

	@AfterAll
	static void stopForwarder() {
		if (forwarder != null) {
			forwarder.close();
		}
	}

	@Test
	void publishesAResultAcceptedWhileKafkaWasDownOnceItIsBack() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		plans.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		String response = mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30",
				 "value":{"number":508},"reportedBy":"ufficio-ri"}""".formatted(planId)))
				.andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
		String eventId = JsonPath.read(response, "$.eventId");
		String id = ResultDocument.idOf(planId, "1.1.1", "1", "2018-06-30");

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
			assertThat(meters.get("monitoring.outbox.backlog").gauge().value()).isGreaterThanOrEqualTo(1);
			assertThat(meters.get("monitoring.outbox.oldest.age").gauge().value()).isGreaterThan(0);
		});
		Thread.sleep(1000); // a few relay rounds fail against the missing broker
		assertThat(results.find(id).orElseThrow().outbox()).extracting(OutboxEntry::eventId)
				.containsExactly(eventId);
		// a broker outage may pass: it holds the event back, it never parks it
		assertThat(meters.counter("monitoring.outbox.parked").count()).isZero();

		// The broker "comes back": its address becomes reachable on the port the service was configured with.
		// (EmbeddedKafkaKraftBroker ignores kafkaPorts() in spring-kafka-test 4.0, so a forwarder provides the port.)
		String brokers = TestInfrastructure.broker().getBrokersAsString();
		forwarder = new TcpForwarder(PORT, "localhost", Integer.parseInt(brokers.substring(brokers.lastIndexOf(':') + 1)));
		forwarder.start();

		List<ConsumerRecord<String, String>> received = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = TestInfrastructure.consumer(brokers,
				"result-events")) {
			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
				received.addAll(TestInfrastructure.poll(consumer));
				assertThat(received).extracting(r -> (String) JsonPath.read(r.value(), "$.eventId")).contains(eventId);
			});
		}
		assertThat(received).filteredOn(r -> r.value().contains(eventId)).first()
				.extracting(ConsumerRecord::key).isEqualTo(planId);
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(meters.get("monitoring.outbox.backlog").gauge().value()).isZero();
		});
	}
}
