package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cicloperformance.reportingservice.CacheSettings;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.support.IntegrationTest;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.AutowireCapableBeanFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The batch path of the scoring service, called directly on the test database: each "instance" is a scoring
 * service with caches of its own (a second one is another replica, or this one after a restart), and counts the
 * score documents it writes through the {@link ScoresChanged} it publishes for each write.
 */
class BatchScoringTest extends IntegrationTest {

	static final String JUNE = "2018-06-30";

	static final String DECEMBER = "2018-12-31";

	@Autowired
	AutowireCapableBeanFactory beans;

	@Autowired
	ResultFacts results;

	@Autowired
	JsonMapper json;

	@Autowired
	Clock clock;

	/** One replica of the service: its own caches, the shared database. */
	final class Instance {

		final List<ScoresChanged> writes = new ArrayList<>();

		final ScoringService scoring = new ScoringService(beans.createBean(PlanVersions.class), results, scores,
				clock, event -> writes.add((ScoresChanged) event), new CacheSettings(256, 100_000));

		long writesOf(String planId, String checkpoint) {
			return writes.stream().filter(w -> w.planId().equals(planId) && w.checkpoint().equals(checkpoint))
					.count();
		}
	}

	@Test
	void aBatchWithDuplicatesAndOutOfOrderVersionsScoresAsTheSameEventsOneByOne() {
		String batched = "batch-" + UUID.randomUUID();
		String single = "single-" + UUID.randomUUID();
		Instance instance = new Instance();
		instance.scoring.onPlanVersion(plan(batched));
		instance.scoring.onPlanVersion(plan(single));

		List<Outcome> outcomes = instance.scoring.onResults(tricky(batched));
		tricky(single).forEach(instance.scoring::onResult);

		for (String checkpoint : List.of(JUNE, DECEMBER)) {
			assertThat(scores.find(batched, checkpoint).orElseThrow().scorecard())
					.isEqualTo(scores.find(single, checkpoint).orElseThrow().scorecard());
		}
		ScoreDocument june = scores.find(batched, JUNE).orElseThrow();
		assertThat(june.scorecard().indicator("2.1.3", "3").orElseThrow().result().resultVersion()).isEqualTo(3);
		assertThat(june.scorecard().objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 100,00%) / 100 = 100,00%");
		assertThat(outcomes).hasSize(tricky(batched).size());
		assertThat(outcomes.stream().filter(o -> o == Outcome.SCORED).count()).as("first copies of the versions used")
				.isEqualTo(31);
		assertThat(instance.scoring.rebuild(Optional.of(batched)).differing()).isEmpty();
	}

	@Test
	void writesEachTouchedScoreDocumentOncePerBatch() {
		String plan = "writes-" + UUID.randomUUID();
		Instance instance = new Instance();
		instance.scoring.onPlanVersion(plan(plan));
		instance.writes.clear();

		List<ResultEvent> batch = new ArrayList<>(tricky(plan));
		batch.add(result(plan, "1.1.1", "1", DECEMBER, 1, "3"));
		batch.add(result(plan, "2.1.3", "3", DECEMBER, 1, "1000"));
		instance.scoring.onResults(batch);

		assertThat(instance.writes).hasSize(2);
		assertThat(instance.writesOf(plan, JUNE)).isEqualTo(1);
		assertThat(instance.writesOf(plan, DECEMBER)).isEqualTo(1);
		assertThat(instance.writes).extracting(ScoresChanged::revision).containsOnly(2L);

		instance.writes.clear();
		List<Outcome> again = instance.scoring.onResults(batch);

		assertThat(instance.writes).as("a batch already reflected writes nothing").isEmpty();
		assertThat(again).doesNotContain(Outcome.SCORED).contains(Outcome.UNCHANGED);
	}

	@Test
	void aRestartedInstanceReadsThePlanAndTheScoresAgainAndGoesOn() {
		String plan = "restart-" + UUID.randomUUID();
		List<ResultEvent> june = juneResults(plan);
		new Instance().scoring.onPlanVersion(plan(plan));
		Instance before = new Instance();
		before.scoring.onResults(june.subList(0, 15));

		Instance after = new Instance();
		after.scoring.onResults(june.subList(15, june.size()));

		assertThat(after.writesOf(plan, JUNE)).isEqualTo(1);
		ScoreDocument document = scores.find(plan, JUNE).orElseThrow();
		assertThat(document.scorecard().indicators().stream().filter(i -> i.result() != null)).hasSize(31);
		assertThat(document.scorecard().objective("2.1.3").orElseThrow().arithmetic()).endsWith("= 91,48%");
		assertThat(after.scoring.rebuild(Optional.of(plan)).differing()).isEmpty();
	}

	@Test
	void aDocumentAnotherReplicaChangedIsReadAgainAndTheBatchAppliedToIt() {
		String plan = "replicas-" + UUID.randomUUID();
		List<ResultEvent> june = juneResults(plan);
		Instance one = new Instance();
		Instance two = new Instance();
		one.scoring.onPlanVersion(plan(plan));
		one.scoring.onResults(june.subList(0, 10));
		two.scoring.onResults(june.subList(10, 20));

		one.scoring.onResults(june.subList(20, june.size()));

		ScoreDocument document = scores.find(plan, JUNE).orElseThrow();
		assertThat(document.revision()).isEqualTo(4);
		assertThat(document.scorecard().indicators().stream().filter(i -> i.result() != null)).hasSize(31);
		assertThat(one.scoring.rebuild(Optional.of(plan)).differing()).isEmpty();
	}

	@Test
	void aPlanVersionAnotherReplicaReceivedIsReadAgainWhenADocumentUsesIt() {
		String plan = "versions-" + UUID.randomUUID();
		Instance one = new Instance();
		Instance two = new Instance();
		one.scoring.onPlanVersion(plan(plan));
		one.scoring.onResults(List.of(result(plan, "2.1.3", "3", DECEMBER, 1, "500")));

		ObjectNode revised = (ObjectNode) Seed.plan();
		two.scoring.onPlanVersion(json.readValue(
				Seed.planEvent("PlanRevised", plan, 2, List.of(DECEMBER), revised), PlanEvent.class));
		one.scoring.onResults(List.of(result(plan, "2.1.3", "3", DECEMBER, 2, "1000")));

		ScoreDocument december = scores.find(plan, DECEMBER).orElseThrow();
		assertThat(december.scorecard().planVersion()).isEqualTo(2);
		assertThat(december.scorecard().indicator("2.1.3", "3").orElseThrow().result().resultVersion()).isEqualTo(2);
		assertThat(one.scoring.rebuild(Optional.of(plan)).differing()).isEmpty();
	}

	/**
	 * The 31 results at 30/6 with, mixed in, duplicates, a correction (version 3) and a late version 2 of the same
	 * indicator, and a result of an indicator the plan does not have.
	 */
	private List<ResultEvent> tricky(String planId) {
		List<ResultEvent> events = new ArrayList<>(juneResults(planId));
		events.add(5, events.get(3));
		events.add(result(planId, "2.1.3", "3", JUNE, 3, "600"));
		events.add(result(planId, "2.1.3", "3", JUNE, 2, "300"));
		events.add(events.get(0));
		events.add(result(planId, "2.1.3", "3", JUNE, 3, "600"));
		events.add(result(planId, "9.9.9", "1", JUNE, 1, "1"));
		return events;
	}

	private List<ResultEvent> juneResults(String planId) {
		return Seed.juneResults(planId).stream().map(j -> json.readValue(j, ResultEvent.class)).toList();
	}

	private ResultEvent result(String planId, String objective, String indicator, String checkpoint, int version,
			String number) {
		return json.readValue(Seed.resultRecorded(planId, objective, indicator, checkpoint, version,
				Seed.numberValue(number)), ResultEvent.class);
	}

	private PlanEvent plan(String planId) {
		return json.readValue(Seed.planPublished(planId), PlanEvent.class);
	}
}
