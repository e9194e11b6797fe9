package org.cicloperformance.reportingservice.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanMapper;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.OivVerdict;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.support.InProcessInfrastructure;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Persistence: the checkpoint states, the final scores and the HR feed outbox through the real driver and Spring
 * Data's mapping on the wire-protocol server. No Spring context of its own: a second cached context would pause the
 * integration tests' one (Spring's context pausing), which the Kafka binder's dead-letter handling does not survive.
 */
class CheckpointStoresTest {

	/** The time of the outbox's rounds, moved by hand. */
	static final AtomicLong NOW = new AtomicLong(Instant.parse("2018-08-01T09:00:00Z").toEpochMilli());

	static MongoClient client;

	CheckpointStates states;

	FinalScores finals;

	HrFeedOutbox outbox;

	@BeforeAll
	static void connect() {
		client = MongoClients.create(InProcessInfrastructure.mongoUri());
	}

	@AfterAll
	static void disconnect() {
		client.close();
	}

	@BeforeEach
	void stores() {
		MongoTemplate mongo = new MongoTemplate(client, "reporting-checkpoints");
		states = new CheckpointStates(mongo);
		outbox = new HrFeedOutbox(mongo, new Clock() {

			@Override
			public ZoneId getZone() {
				return ZoneOffset.UTC;
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return this;
			}

			@Override
			public Instant instant() {
				return Instant.ofEpochMilli(NOW.get());
			}
		});
		finals = new FinalScores(mongo, outbox);
	}

	@Test
	void anEventRecordedTwiceIsInTheStateOnce() {
		String plan = "dup-" + UUID.randomUUID();
		CheckpointEvent submitted = submitted(plan, "dazzeo", "2018-07-20T10:00:00Z");

		assertThat(states.record(submitted)).isTrue();
		assertThat(states.record(submitted)).isFalse();

		CheckpointState state = states.find(plan, "2018-06-30").orElseThrow();
		assertThat(state.transitions()).hasSize(1);
		assertThat(state.submissions()).extracting(CheckpointState.Submission::commentary)
				.containsExactly("Commento di dazzeo");
		assertThat(state.status()).isEqualTo("OPEN");
	}

	@Test
	void closingsAndReopeningsGiveTheClosingInForce() {
		String plan = "closings-" + UUID.randomUUID();
		CheckpointEvent firstClosing = closed(plan, 1, "2018-07-31T09:00:00Z", "0.45");
		states.record(firstClosing);
		assertThat(states.find(plan, "2018-06-30").orElseThrow().currentClosing())
				.map(CheckpointState.Closing::closing).contains(1);
		assertThat(states.find(plan, "2018-06-30").orElseThrow().pendingClosings()).containsExactly(1);

		states.record(reopened(plan, 1, "2018-08-01T09:00:00Z"));
		CheckpointState reopened = states.find(plan, "2018-06-30").orElseThrow();
		assertThat(reopened.currentClosing()).isEmpty();
		assertThat(reopened.status()).isEqualTo("UNDER_REVIEW");
		assertThat(reopened.pendingClosings()).isEmpty();

		states.record(closed(plan, 2, "2018-08-02T09:00:00Z", "0.5"));
		states.record(firstClosing); // a replay of the first closing changes nothing of the state in force
		CheckpointState closedAgain = states.find(plan, "2018-06-30").orElseThrow();
		assertThat(closedAgain.currentClosing()).map(CheckpointState.Closing::closing).contains(2);
		assertThat(closedAgain.status()).isEqualTo(CheckpointState.CLOSED);
		assertThat(closedAgain.closings()).hasSize(2);
		assertThat(closedAgain.closing(2).orElseThrow().verdicts().get(0).adjustedAchievement())
				.isEqualByComparingTo("0.5");
	}

	@Test
	void theLatestVerdictOnAnIndicatorSupersedesTheEarlierOnes() {
		String plan = "verdicts-" + UUID.randomUUID();
		states.record(verdict(plan, "REJECTED", null, 1, "2018-07-25T09:00:00Z"));
		states.record(verdict(plan, "ADJUSTED", "0.45", 2, "2018-07-28T09:00:00Z"));

		CheckpointState.VerdictEntry latest = states.find(plan, "2018-06-30").orElseThrow().latestVerdicts()
				.get("1.1.1/2");

		assertThat(latest.verdict()).isEqualTo("ADJUSTED");
		assertThat(latest.resultVersion()).isEqualTo(2);
		assertThat(latest.adjustedAchievement()).isEqualByComparingTo("0.45");
	}

	@Test
	void aClosingsFinalScoresAreWrittenOnceAndKeepTheOivAndSelfReportedFigures() {
		String plan = "final-" + UUID.randomUUID();
		FinalScoreDocument document = finalScores(plan, 1, 1_000L);

		assertThat(finals.insert(document)).isTrue();
		assertThat(finals.insert(finalScores(plan, 1, 2_000L))).isFalse();

		FinalScoreDocument read = finals.find(plan, "2018-06-30", 1).orElseThrow();
		assertThat(read.scorecard()).isEqualTo(document.scorecard());
		var adjusted = read.scorecard().indicator("2.1.3", "3").orElseThrow().achievement();
		assertThat(adjusted.oiv().kind()).isEqualTo(OivVerdict.Kind.ADJUSTED);
		assertThat(adjusted.declared().arithmetic()).isEqualTo("min(527 / 600, 1) = 87,83%");
		assertThat(read.asScoreDocument().status().name()).isEqualTo("FINAL");
		assertThat(read.outbox()).extracting(OutboxEntry::createdAt).containsExactly(1_000L);
	}

	@Test
	void theOutboxGivesTheEventsOfBothCollectionsOldestFirstAndForgetsTheSentOnes() {
		String plan = "outbox-" + UUID.randomUUID();
		finals.insert(finalScores(plan, 1, 10L));
		finals.insert(new HrFeedWithdrawal(FinalScoreDocument.id(plan, "2018-06-30", 1), plan, "2018-06-30", 1,
				"riesame", Instant.parse("2018-08-01T09:00:00Z"), "oiv",
				List.of(new OutboxEntry("w-" + plan, plan, "HrFeedWithdrawn", "{}", 20L))));
		finals.insert(finalScores(plan, 2, 30L));

		List<HrFeedOutbox.Pending> pending = outbox.pending().stream()
				.filter(p -> p.event().key().equals(plan)).toList();
		assertThat(pending).extracting(p -> p.event().eventType())
				.containsExactly("HrFeedPublished", "HrFeedWithdrawn", "HrFeedPublished");

		outbox.remove(pending.get(0));
		assertThat(outbox.pending()).noneMatch(p -> p.event().eventId().equals(pending.get(0).event().eventId()));
		assertThat(finals.find(plan, "2018-06-30", 1).orElseThrow().scorecard()).isNotNull();
	}

	@Test
	void theRelaysRoundReadsTheOutboxOnlyWhenSomethingCanBeThere() {
		String plan = "round-" + UUID.randomUUID();
		outbox.pendingForRound();
		assertThat(outbox.pendingForRound()).as("nothing queued since the last round").isEmpty();

		finals.insert(finalScores(plan, 1, 10L));
		assertThat(outbox.pendingForRound()).anyMatch(p -> p.event().key().equals(plan));
		assertThat(outbox.pendingForRound()).as("the event is still there, but nothing new was queued").isEmpty();

		outbox.queued(); // what the relay does when a send failed
		assertThat(outbox.pendingForRound()).anyMatch(p -> p.event().key().equals(plan));
		NOW.addAndGet(HrFeedOutbox.FULL_ROUND.toMillis());
		assertThat(outbox.pendingForRound()).as("a full round, for events another instance left behind")
				.anyMatch(p -> p.event().key().equals(plan));
	}

	/** The seed at 30/6 scored with 2.1.3/3 adjusted by the OIV to 50%. */
	static FinalScoreDocument finalScores(String plan, int closing, long createdAt) {
		PlanEvent.Content content = Seed.JSON.treeToValue(Seed.plan(), PlanEvent.Content.class);
		ScoringPlan scoring = PlanMapper.toScoringPlan(plan, 1, content);
		Map<ResultKey, IndicatorResult> results = new HashMap<>();
		for (JsonNode result : Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("risultati-2018-06-30.json")))
				.path("results")) {
			ResultEvent.Value value = Seed.JSON.treeToValue(result.path("value"), ResultEvent.Value.class);
			ResultFact fact = new ResultFact("x", plan, result.path("objective").asString(),
					result.path("indicator").asString(), "2018-06-30", 1, 1, "e", null, null, null, null, value, null,
					null, null);
			results.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
		}
		Scorecard scorecard = new PlanScorer(scoring).score(scoring.checkpoint("2018-06-30").orElseThrow(), results,
				Map.of(new ResultKey("2.1.3", "3"), OivVerdict.adjusted(new BigDecimal("0.5"), "non documentato"),
						new ResultKey("2.1.3", "1"), OivVerdict.validated()));
		return new FinalScoreDocument(FinalScoreDocument.id(plan, "2018-06-30", closing), plan, "cciaa-brescia",
				"2018-06-30", closing, java.time.LocalDate.of(2018, 6, 30), false, "30/6",
				Instant.parse("2018-07-31T09:00:00Z"), "oiv", Instant.parse("2018-07-31T09:00:01Z"), false, scorecard,
				List.of(), List.of(new OutboxEntry("p-" + plan + "-" + closing, plan, "HrFeedPublished", "{}",
						createdAt)));
	}

	static CheckpointEvent submitted(String plan, String manager, String at) {
		return new CheckpointEvent(CheckpointEvent.SUBMITTED, UUID.randomUUID().toString(), plan, "cciaa-brescia",
				"2018-06-30", "OPEN", Instant.parse(at), manager, manager, "Commento di " + manager, List.of("p-1"),
				null, null, null, null, null, null, null, null);
	}

	static CheckpointEvent verdict(String plan, String verdict, String adjusted, int resultVersion, String at) {
		return new CheckpointEvent(CheckpointEvent.VERDICT_RECORDED, UUID.randomUUID().toString(), plan,
				"cciaa-brescia", "2018-06-30", "UNDER_REVIEW", Instant.parse(at), "oiv", null, null, null, "1.1.1", "2",
				resultVersion, verdict, adjusted == null ? null : new BigDecimal(adjusted), "motivo", null, null);
	}

	static CheckpointEvent closed(String plan, int closing, String at, String adjusted) {
		return new CheckpointEvent(CheckpointEvent.CLOSED, UUID.randomUUID().toString(), plan, "cciaa-brescia",
				"2018-06-30", "CLOSED", Instant.parse(at), "oiv", null, null, null, null, null, null, null, null, null,
				closing, List.of(new CheckpointEvent.FinalVerdict("1.1.1", "2", 1, "ADJUSTED", new BigDecimal(adjusted),
						"motivo", "oiv", Instant.parse(at))));
	}

	static CheckpointEvent reopened(String plan, int closing, String at) {
		return new CheckpointEvent(CheckpointEvent.REOPENED, UUID.randomUUID().toString(), plan, "cciaa-brescia",
				"2018-06-30", "UNDER_REVIEW", Instant.parse(at), "oiv", null, null, null, null, null, null, null, null,
				"riesame", closing, null);
	}
}
