package org.cicloperformance.monitoringservice.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.mongodb.client.model.Filters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.UUID;
import org.cicloperformance.monitoringservice.support.IntegrationTestBase;
import org.cicloperformance.monitoringservice.support.SamplePlans;
import org.cicloperformance.monitoringservice.support.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Plan versions are kept in memory: filled by the plan-events consumer, read from {@code plan_versions} once for a
 * plan not in memory (a restarted instance), and then served without reading the collection again. Each test
 * proves it by deleting the stored versions behind the store's back.
 */
class PlanVersionCacheTest extends IntegrationTestBase {

	@Autowired
	PlanVersionStore store;

	@Autowired
	MongoTemplate mongo;

	@Autowired
	MockMvc mvc;

	private final String brokers = TestInfrastructure.broker().getBrokersAsString();

	@Test
	void checksResultsAgainstTheVersionsTheConsumerReceivedWithoutReadingThemBack() throws Exception {
		String planId = "piano-" + UUID.randomUUID();
		TestInfrastructure.send(brokers, "plan-events", planId, SamplePlans.published(planId));
		TestInfrastructure.send(brokers, "plan-events", planId, SamplePlans.revised(planId));
		await().atMost(Duration.ofSeconds(20)).until(() -> stored(planId) == 2);

		deleteStored(planId);

		assertThat(store.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1, 2);
		assertThat(store.versionsOf(planId).get(1).appliesTo()).containsExactly("2018-12-31");
		mvc.perform(post("/api/results").contentType(MediaType.APPLICATION_JSON).content("""
				{"planId":"%s","objective":"1.1.1","indicator":"1","checkpoint":"2018-06-30",
				 "value":{"number":508},"reportedBy":"ufficio-ri"}""".formatted(planId)))
				.andExpect(status().isCreated());
	}

	@Test
	void readsAPlanOnceWhenARestartedInstanceFirstNeedsItAndThenAddsWhatArrives() {
		String planId = "piano-" + UUID.randomUUID();
		store.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		SimpleMeterRegistry meters = new SimpleMeterRegistry();
		PlanVersionStore restarted = new PlanVersionStore(mongo, meters, 10);

		assertThat(restarted.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1);
		deleteStored(planId);
		assertThat(restarted.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1);
		restarted.saveIfAbsent(SamplePlans.version(SamplePlans.revised(planId)));
		deleteStored(planId);

		assertThat(restarted.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1, 2);
		assertThat(meters.get("cache.gets").tag("cache", "plan.versions").tag("result", "miss").functionCounter()
				.count()).isEqualTo(1);
		assertThat(meters.get("cache.gets").tag("cache", "plan.versions").tag("result", "hit").functionCounter()
				.count()).isEqualTo(2);
	}

	@Test
	void answersAPlanUnknownUntilItsFirstVersionArrives() {
		String planId = "piano-" + UUID.randomUUID();
		assertThat(store.versionsOf(planId)).isEmpty();

		store.saveIfAbsent(SamplePlans.version(SamplePlans.published(planId)));
		deleteStored(planId);

		assertThat(store.versionsOf(planId)).extracting(PlanVersion::version).containsExactly(1);
	}

	private long stored(String planId) {
		return mongo.getCollection(PlanVersionStore.COLLECTION).countDocuments(Filters.eq("planId", planId));
	}

	private void deleteStored(String planId) {
		mongo.getCollection(PlanVersionStore.COLLECTION).deleteMany(Filters.eq("planId", planId));
		assertThat(stored(planId)).isZero();
	}
}
