package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.InProcessInfrastructure;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Idempotency (duplicates, out-of-order versions, results before their plan, a full replay from offset 0),
 * rebuild = incremental, revisions, the dead-letter topic and the metrics, on the real broker.
 */
class ReliabilityIntegrationTest extends IntegrationTest {

	@Autowired
	MongoTemplate mongo;

	@Autowired
	BindingsLifecycleController bindings;

	@Autowired
	MeterRegistry meters;

	@Test
	void duplicatesOutOfOrderVersionsAndAFullReplayLeaveEveryScoreAsItWas() throws Exception {
		String plan = "idem-" + UUID.randomUUID();
		List<String> results = Seed.juneResults(plan);
		String published = Seed.planPublished(plan);
		publishResults(plan, results); // before the plan: kept as facts, scored when it arrives
		publishPlan(plan, published);
		ScoreDocument first = awaitScores(plan, "2018-06-30", IntegrationTest::allJuneResultsScored);
		assertThat(first.scorecard().objective("2.1.3").orElseThrow().arithmetic()).endsWith("= 91,48%");
		ScoreDocument december = awaitScores(plan, "2018-12-31", d -> true);

		publishPlan(plan, published);
		publishResults(plan, results);
		awaitConsumedUpToHere();
		assertUnchanged(plan, first, december);

		String correction = Seed.resultRecorded(plan, "2.1.3", "3", "2018-06-30", 3, Seed.numberValue("600"));
		String staleCorrection = Seed.resultRecorded(plan, "2.1.3", "3", "2018-06-30", 2, Seed.numberValue("300"));
		publishResults(plan, List.of(correction, staleCorrection, correction));
		ScoreDocument corrected = awaitScores(plan, "2018-06-30",
				d -> d.scorecard().indicator("2.1.3", "3").orElseThrow().result().resultVersion() == 3);
		awaitConsumedUpToHere();
		ScoreDocument afterStale = scores.find(plan, "2018-06-30").orElseThrow();
		assertThat(afterStale.revision()).isEqualTo(corrected.revision());
		assertThat(afterStale.scorecard().objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 100,00%) / 100 = 100,00%");
		JsonNode history = getJson("/api/plans/" + plan + "/indicators/2.1.3/3");
		assertThat(history.path("resultVersions")).extracting(v -> v.path("resultVersion").asInt() + ":"
				+ v.path("inUse").asBoolean()).containsExactly("1:false", "2:false", "3:true");

		double consumedBeforeReplay = consumed();
		replayBothTopicsFromOffsetZero();
		awaitConsumedUpToHere();
		assertThat(consumed() - consumedBeforeReplay).as("events consumed again by the replay")
				.isGreaterThanOrEqualTo(2 * (results.size() + 1) + 3);
		assertUnchanged(plan, afterStale, december);

		JsonNode rebuild = Seed.JSON.readTree(mvc.perform(post("/api/admin/rebuild").param("planId", plan))
				.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
		assertThat(rebuild.path("rebuilt")).hasSize(2);
		assertThat(rebuild.path("differing")).isEmpty();
		assertThat(scores.find(plan, "2018-06-30").orElseThrow().scorecard()).isEqualTo(afterStale.scorecard());
		assertThat(scores.find(plan, "2018-12-31").orElseThrow().scorecard()).isEqualTo(december.scorecard());
	}

	@Test
	void aRevisionAppliesToItsCheckpointsWithItsWeights() {
		String plan = "rev-" + UUID.randomUUID();
		publishPlan(plan, Seed.planPublished(plan));
		publishResults(plan, Seed.juneResults(plan));
		awaitScores(plan, "2018-06-30", IntegrationTest::allJuneResultsScored);
		awaitScores(plan, "2018-12-31", d -> d.scorecard().planVersion() == 1);

		ObjectNode revised = (ObjectNode) Seed.plan();
		ObjectNode indicator3 = (ObjectNode) objective(revised, "2.1.3").path("indicators").get(2);
		indicator3.put("weight", 20);
		publishPlan(plan, Seed.planEvent("PlanRevised", plan, 2, List.of("2018-12-31"), revised));
		ScoreDocument december = awaitScores(plan, "2018-12-31", d -> d.scorecard().planVersion() == 2);
		publishResults(plan, List.of(Seed.resultRecorded(plan, "2.1.3", "3", "2018-12-31", 1, Seed.numberValue("1000"))));

		december = awaitScores(plan, "2018-12-31",
				d -> d.scorecard().indicator("2.1.3", "3").orElseThrow().result() != null);
		assertThat(december.scorecard().objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 0,00% + 10 · 0,00% + 20 · 100,00%) / 50 = 40,00%");
		assertThat(december.scorecard().indicator("2.1.1", "1").orElseThrow().achievement().arithmetic())
				.isEqualTo("risultato mancante alla verifica finale → 0,00% (ZERO)");
		assertThat(scores.find(plan, "2018-06-30").orElseThrow().scorecard().planVersion()).isEqualTo(1);
	}

	@Test
	void aPoisonEventGoesToTheDeadLetterTopicAndConsumptionGoesOn() {
		String plan = "poison-" + UUID.randomUUID();
		Events.publish("result-events", plan, "{ this is not json");
		ObjectNode unknownKind = (ObjectNode) Seed.plan();
		((ObjectNode) objective(unknownKind, "1.1.1").path("indicators").get(0)).put("measureKind", "ASTROLOGICAL");
		publishPlan(plan, Seed.planEvent("PlanPublished", plan, 1, List.of("2018-06-30", "2018-12-31"), unknownKind));
		publishPlan(plan, Seed.planPublished(plan));
		publishResults(plan, Seed.juneResults(plan));

		awaitScores(plan, "2018-06-30", IntegrationTest::allJuneResultsScored);
		await().atMost(PATIENCE).until(() -> Events.readAll("result-events.reporting-service.dlq",
				Duration.ofMillis(500)).stream().anyMatch(r -> plan.equals(r.key())));
		await().atMost(PATIENCE).until(() -> Events.readAll("plan-events.reporting-service.dlq",
				Duration.ofMillis(500)).stream().anyMatch(r -> plan.equals(r.key())));
		assertThat(meters.counter("reporting.events.consumed", "type", "ResultEvent", "outcome", "failed").count())
				.isGreaterThanOrEqualTo(3);
	}

	@Test
	void measuresEventsConsumedScoringLatencyAndConsumerLag() {
		String plan = "metrics-" + UUID.randomUUID();
		publishPlan(plan, Seed.planPublished(plan));
		publishResults(plan, Seed.juneResults(plan));
		awaitScores(plan, "2018-06-30", IntegrationTest::allJuneResultsScored);

		// a result consumed before its plan counts as awaiting_plan, or as unchanged when the plan's full scoring
		// already included it; the others as scored
		assertThat(meters.find("reporting.events.consumed").tags("type", "ResultRecorded").counters().stream()
				.filter(c -> List.of("scored", "awaiting_plan", "unchanged").contains(c.getId().getTag("outcome")))
				.mapToDouble(c -> c.count()).sum()).isGreaterThanOrEqualTo(31);
		assertThat(meters.get("reporting.events.consumed").tags("type", "PlanPublished", "outcome", "scored")
				.counter().count()).isGreaterThanOrEqualTo(1);
		assertThat(meters.get("reporting.scoring.latency").timer().count()).isGreaterThanOrEqualTo(1);
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(meters.find("spring.cloud.stream.binder.kafka.offset")
				.tags("group", "reporting-service", "topic", "result-events").gauge()).isNotNull());
		assertThat(meters.get("reporting.events.consumed").counter().getId().getTag("application"))
				.isEqualTo("reporting-service");
	}

	/** Plan and result events are ordered on one partition: once a sentinel is consumed, so is all before it. */
	private void awaitConsumedUpToHere() {
		String sentinel = "sentinel-" + UUID.randomUUID();
		publishPlan(sentinel, Seed.planPublished(sentinel));
		publishResults(sentinel, List.of(Seed.resultRecorded(sentinel, "2.1.3", "3", "2018-06-30", 1,
				Seed.numberValue("1"))));
		awaitScores(sentinel, "2018-06-30",
				d -> d.scorecard().indicator("2.1.3", "3").orElseThrow().result() != null);
	}

	private double consumed() {
		return meters.find("reporting.events.consumed").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private void assertUnchanged(String plan, ScoreDocument... before) {
		for (ScoreDocument document : before) {
			ScoreDocument now = scores.find(plan, document.checkpoint()).orElseThrow();
			assertThat(now.scorecard()).isEqualTo(document.scorecard());
			assertThat(now.revision()).isEqualTo(document.revision());
		}
	}

	private void replayBothTopicsFromOffsetZero() {
		// every binding of the group stops: Kafka resets the offsets of an empty group only
		List<String> names = List.of("planEvents-in-0", "resultEvents-in-0", "checkpointEvents-in-0");
		names.forEach(name -> bindings.changeState(name, State.STOPPED));
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
				InProcessInfrastructure.kafkaBrokers()))) {
			await().atMost(PATIENCE).ignoreExceptions().until(() -> {
				admin.alterConsumerGroupOffsets("reporting-service",
						Map.of(new TopicPartition("plan-events", 0), new OffsetAndMetadata(0),
								new TopicPartition("result-events", 0), new OffsetAndMetadata(0)))
						.all().get();
				return true;
			});
		}
		names.forEach(name -> bindings.changeState(name, State.STARTED));
	}

	private static ObjectNode objective(JsonNode plan, String code) {
		List<JsonNode> found = new ArrayList<>();
		plan.path("strategicAreas").forEach(a -> a.path("strategicObjectives").forEach(s -> s
				.path("operationalObjectives").forEach(o -> {
					if (o.path("code").asString().equals(code)) {
						found.add(o);
					}
				})));
		return (ObjectNode) found.get(0);
	}
}
