package org.cicloperformance.planservice.plan.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.cicloperformance.planservice.plan.web.PlanRequests;
import org.cicloperformance.planservice.support.InProcessInfrastructure;
import org.cicloperformance.planservice.support.TcpGate;
import org.cicloperformance.planservice.support.TopicReader;
import org.junit.jupiter.api.AfterAll;
import org.cicloperformance.planservice.support.AuthenticatedAsPlanner;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * A plan approved while Kafka is unreachable is stored with its event, and published once Kafka is back. The
 * service reaches the broker only through a gate that starts closed: to the service, Kafka is down.
 */
@ActiveProfiles("test")
@Import(AuthenticatedAsPlanner.class)
@SpringBootTest(properties = "plan.outbox.relay-interval=200ms")
@AutoConfigureMockMvc
class BrokerOutageIntegrationTest {

	static final TcpGate kafka = new TcpGate(InProcessInfrastructure.kafkaBrokers());

	@DynamicPropertySource
	static void infrastructure(DynamicPropertyRegistry registry) {
		registry.add("spring.mongodb.uri", () -> InProcessInfrastructure.mongoUri("plans-outage"));
		registry.add("spring.cloud.stream.kafka.binder.brokers", kafka::address);
	}

	@AfterAll
	static void closeGate() {
		kafka.close();
	}

	@Autowired
	MockMvcTester mvc;

	@Test
	void approvalSucceedsWhileKafkaIsDownAndIsPublishedOnceWhenItReturns() throws Exception {
		try (var events = new TopicReader(InProcessInfrastructure.kafkaBrokers(), "plan-events")) {
			var id = PlanRequests.createAndApprove(mvc, 2040);
			Thread.sleep(1_000); // several relay attempts fail meanwhile

			assertThat(mvc.get().uri("/api/plans/" + id)).bodyJson().extractingPath("$.pendingEvents").isEqualTo(1);
			assertThat(events.withKey(id)).isEmpty();

			kafka.open();

			await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(events.withKey(id)).hasSize(1));
			await().atMost(Duration.ofSeconds(10))
				.untilAsserted(() -> assertThat(mvc.get().uri("/api/plans/" + id)).bodyJson()
					.extractingPath("$.pendingEvents")
					.isEqualTo(0));
			Thread.sleep(1_000);
			assertThat(events.withKey(id)).hasSize(1);
		}
	}
}
