package org.cicloperformance.monitoringservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** plan-events consumed on the real in-process broker. */
class PlanEventsConsumptionTest extends IntegrationTestBase {

	@Autowired
	PlanVersionStore store;

	private final String brokers = TestInfrastructure.broker().getBrokersAsString();

	@Test
	void keepsEachPlanVersionOnceWhenEventsAreRedelivered() {
		String planId = "piano-" + UUID.randomUUID();
		String published = SamplePlans.published(planId);
		TestInfrastructure.send(brokers, "plan-events", planId, published);
		TestInfrastructure.send(brokers, "plan-events", planId, published);
		TestInfrastructure.send(brokers, "plan-events", planId, SamplePlans.revised(planId));

		await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(store.versionsOf(planId))
				.extracting(PlanVersion::version).containsExactly(1, 2));
		TestInfrastructure.send(brokers, "plan-events", planId, published);
		String marker = "piano-" + UUID.randomUUID();
		TestInfrastructure.send(brokers, "plan-events", marker, SamplePlans.published(marker));
		await().atMost(Duration.ofSeconds(20)).until(() -> !store.versionsOf(marker).isEmpty());
		assertThat(store.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1, 2);
		assertThat(store.versionsOf(planId).get(1).appliesTo()).containsExactly("2018-12-31");
	}

	@Test
	void sendsPoisonMessagesToTheDeadLetterTopicAndGoesOn() {
		String poisonId = UUID.randomUUID().toString();
		String unparseable = "{not json " + poisonId;
		String withoutVersion = "{\"type\":\"PlanPublished\",\"planId\":\"" + poisonId + "\",\"plan\":{}}";
		TestInfrastructure.send(brokers, "plan-events", "poison", unparseable);
		TestInfrastructure.send(brokers, "plan-events", "poison", withoutVersion);
		String planId = "piano-" + UUID.randomUUID();
		TestInfrastructure.send(brokers, "plan-events", planId, SamplePlans.published(planId));

		await().atMost(Duration.ofSeconds(30)).until(() -> !store.versionsOf(planId).isEmpty());
		List<String> deadLetters = new ArrayList<>();
		try (KafkaConsumer<String, String> dlq = TestInfrastructure.consumer(brokers,
				"plan-events.monitoring-service.dlq")) {
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				TestInfrastructure.poll(dlq).stream().map(ConsumerRecord::value).forEach(deadLetters::add);
				assertThat(deadLetters).contains(unparseable, withoutVersion);
			});
		}
		assertThat(store.versionsOf(poisonId)).isEmpty();
	}
}
