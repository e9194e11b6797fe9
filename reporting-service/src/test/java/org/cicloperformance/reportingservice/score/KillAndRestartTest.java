package org.cicloperformance.reportingservice.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

/**
 * reporting-service killed in the middle of a batch: the facts are stored, the bulk write of the scores got only
 * part of the way (some documents written, parts of others stored but no summary naming them), the offsets were
 * not committed. The restarted instance gets the whole batch again: every accepted result is scored once, the
 * stray parts are never read, and the scores are a rebuild's.
 */
class KillAndRestartTest extends IntegrationTest {

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

	/** Dies within the bulk write: the first document is written whole, the next gets its parts but no summary. */
	final class DyingWrites extends ScoreWrites {

		DyingWrites() {
			super(scores);
		}

		@Override
		Result write(List<Change> changes) {
			if (!changes.isEmpty()) {
				super.write(changes.subList(0, 1));
			}
			if (changes.size() > 1) {
				Change second = changes.get(1);
				ScoreWrites.split(second.next().scorecard()).forEach((code, group) -> scores.mongo().insert(
						new ScorePart(second.next().id() + "#" + code + "#" + second.next().revision() + ".dead",
								ScorePart.KIND, second.next().planId(), second.next().checkpoint(),
								group.objective(), group.indicators()),
						ScoreStore.COLLECTION));
			}
			throw new IllegalStateException("killed in the middle of the bulk write");
		}
	}

	private ScoringService instance(ScoreWrites writes) {
		return new ScoringService(beans.createBean(PlanVersions.class), results, scores, writes, clock, event -> {
		}, new CacheSettings(256, 100_000));
	}

	@Test
	void aBatchInterruptedMidWriteIsScoredWholeWhenDeliveredAgainAfterTheRestart() {
		String plan = "killed-" + UUID.randomUUID();
		instance(new ScoreWrites(scores)).onPlanVersion(json.readValue(Seed.planPublished(plan), PlanEvent.class));
		ScoringService before = instance(new DyingWrites());
		List<ResultEvent> batch = new ArrayList<>(
				Seed.juneResults(plan).stream().map(j -> json.readValue(j, ResultEvent.class)).toList());
		batch.add(json.readValue(Seed.resultRecorded(plan, "2.1.3", "3", DECEMBER, 1, Seed.numberValue("1000")),
				ResultEvent.class));
		ScoreDocument decemberBefore = scores.find(plan, DECEMBER).orElseThrow();

		assertThatThrownBy(() -> before.onResults(batch)).hasMessageContaining("killed");
		assertThat(scores.find(plan, DECEMBER).orElseThrow().scorecard())
				.as("the half-written document is not visible").isEqualTo(decemberBefore.scorecard());

		ScoringService after = instance(new ScoreWrites(scores));
		List<Outcome> redelivered = after.onResults(batch);

		ScoreDocument june = scores.find(plan, JUNE).orElseThrow();
		assertThat(june.scorecard().indicators().stream().filter(i -> i.result() != null)).hasSize(31);
		assertThat(scores.find(plan, DECEMBER).orElseThrow().scorecard().indicator("2.1.3", "3").orElseThrow()
				.result().resultVersion()).isEqualTo(1);
		assertThat(redelivered).as("the results of the document that was not written are scored now")
				.contains(Outcome.SCORED);
		assertThat(after.rebuild(Optional.of(plan)).differing()).isEmpty();
		assertThat(after.onResults(batch)).as("a third delivery changes nothing").doesNotContain(Outcome.SCORED);
	}
}
