package org.cicloperformance.reportingservice.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.score.ScoringService;
import org.cicloperformance.reportingservice.support.Events;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.stream.binding.BindingsLifecycleController;
import org.springframework.cloud.stream.binding.BindingsLifecycleController.State;

/**
 * The batch consumer of {@code result-events} on the real broker: events published while the binding is stopped
 * arrive in one poll, so in one batch.
 */
class BatchConsumptionIntegrationTest extends IntegrationTest {

	static final String JUNE = "2018-06-30";

	@Autowired
	BindingsLifecycleController bindings;

	@Autowired
	MeterRegistry meters;

	@Autowired
	ScoringService scoring;

	@Test
	void aPoisonEventInABatchIsDeadLetteredAndTheRestOfTheBatchIsScored() {
		String plan = "poison-batch-" + UUID.randomUUID();
		publishPlan(plan, Seed.planPublished(plan));
		awaitScores(plan, JUNE, d -> true);
		double failedBefore = failed();
		double ignoredBefore = ignored();
		List<String> results = Seed.juneResults(plan);
		List<String> batch = new ArrayList<>(results.subList(0, 5));
		// monitoring's other event type on the topic: skipped, and the poison events keep their own positions
		batch.add(evidenceAttached(plan));
		batch.addAll(results.subList(5, 10));
		batch.add("{ this is not json");
		batch.addAll(results.subList(10, 20));
		batch.add("{\"type\": \"ResultRecorded\", \"planId\": \"" + plan + "\"}");
		batch.addAll(results.subList(20, results.size()));

		whileResultsAreStopped(() -> publishResults(plan, batch));

		ScoreDocument june = awaitScores(plan, JUNE, IntegrationTest::allJuneResultsScored);
		assertThat(june.scorecard().objective("2.1.3").orElseThrow().arithmetic()).endsWith("= 91,48%");
		await().atMost(PATIENCE).untilAsserted(() -> assertThat(deadLetters(plan)).extracting(ConsumerRecord::value)
				.containsExactlyInAnyOrder(batch.get(11), batch.get(22)));
		assertThat(failed() - failedBefore).as("each poison event tried max-attempts times").isGreaterThanOrEqualTo(6);
		assertThat(ignored() - ignoredBefore).as("the EvidenceAttached event").isGreaterThanOrEqualTo(1);
		assertThat(scoring.rebuild(java.util.Optional.of(plan)).differing()).isEmpty();
	}

	@Test
	void aBatchWithDuplicatesAndOutOfOrderVersionsGivesTheScoresOfARebuild() {
		String plan = "tricky-batch-" + UUID.randomUUID();
		List<String> results = Seed.juneResults(plan);
		List<String> batch = new ArrayList<>(results);
		batch.add(3, results.get(7));
		batch.add(Seed.resultRecorded(plan, "2.1.3", "3", JUNE, 3, Seed.numberValue("600")));
		batch.add(Seed.resultRecorded(plan, "2.1.3", "3", JUNE, 2, Seed.numberValue("300")));
		batch.add(results.get(0));
		publishPlan(plan, Seed.planPublished(plan));
		awaitScores(plan, JUNE, d -> true);

		whileResultsAreStopped(() -> publishResults(plan, batch));

		ScoreDocument june = awaitScores(plan, JUNE, d -> allJuneResultsScored(d)
				&& d.scorecard().indicator("2.1.3", "3").orElseThrow().result().resultVersion() == 3);
		assertThat(june.scorecard().objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 100,00%) / 100 = 100,00%");
		assertThat(scoring.rebuild(java.util.Optional.of(plan)).differing()).isEmpty();
	}

	private void whileResultsAreStopped(Runnable publishing) {
		bindings.changeState("resultEvents-in-0", State.STOPPED);
		try {
			publishing.run();
		}
		finally {
			bindings.changeState("resultEvents-in-0", State.STARTED);
		}
	}

	private static List<ConsumerRecord<String, String>> deadLetters(String plan) {
		return Events.readAll("result-events.reporting-service.dlq", Duration.ofMillis(500)).stream()
				.filter(r -> plan.equals(r.key())).toList();
	}

	private static String evidenceAttached(String plan) {
		var event = (tools.jackson.databind.node.ObjectNode) Seed.JSON
				.readTree(Seed.read(Seed.RESULT_CONTRACTS.resolve("evidence-attached.sample.json")));
		event.put("planId", plan);
		event.put("eventId", UUID.randomUUID().toString());
		return Seed.JSON.writeValueAsString(event);
	}

	private double ignored() {
		return meters.find("reporting.events.consumed").tag("type", "EvidenceAttached").tag("outcome", "ignored")
				.counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private double failed() {
		return meters.find("reporting.events.consumed").tag("outcome", "failed").counters().stream()
				.mapToDouble(c -> c.count()).sum();
	}
}
