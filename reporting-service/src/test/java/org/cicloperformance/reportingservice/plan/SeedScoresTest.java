package org.cicloperformance.reportingservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/** The seed at 30/6, read from the demo files exactly as the consumers read the events: the first acceptance case. */
class SeedScoresTest {

	static Scorecard june;

	@BeforeAll
	static void scoreTheSeed() {
		PlanEvent.Content content = Seed.JSON.treeToValue(Seed.plan(), PlanEvent.Content.class);
		ScoringPlan plan = PlanMapper.toScoringPlan(Seed.PLAN_ID, 1, content);
		Map<ResultKey, IndicatorResult> results = new HashMap<>();
		for (JsonNode result : Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("risultati-2018-06-30.json")))
				.path("results")) {
			ResultEvent.Value value = Seed.JSON.treeToValue(result.path("value"), ResultEvent.Value.class);
			ResultFact fact = new ResultFact("x", Seed.PLAN_ID, result.path("objective").asString(),
					result.path("indicator").asString(), "2018-06-30", 1, 1, "e", null, null, null, null, value, null, null,
					null);
			results.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
		}
		Checkpoint checkpoint = plan.checkpoint("2018-06-30").orElseThrow();
		june = new PlanScorer(plan).score(checkpoint, results);
	}

	@Test
	void objective213ScoresAsTheIssueComputes() {
		NodeScore objective = june.objective("2.1.3").orElseThrow();

		assertThat(objective.arithmetic()).isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%");
		assertThat(Decimals.percent(objective.coverage())).isEqualTo("100,00%");
		assertThat(june.indicator("2.1.3", "3").orElseThrow().achievement().arithmetic())
				.isEqualTo("min(527 / 600, 1) = 87,83%");
	}

	@Test
	void objective111IsFullyAchievedWithSixtyPercentCoverage() {
		NodeScore objective = june.objective("1.1.1").orElseThrow();

		assertThat(Decimals.percent(objective.score())).isEqualTo("100,00%");
		assertThat(Decimals.percent(objective.coverage())).isEqualTo("60,00%");
	}

	static Stream<Arguments> seedScores() {
		return Stream.of(
				Arguments.of("objective", "1.1.1", "100,00%", "60,00%"),
				Arguments.of("objective", "1.1.2", "100,00%", "40,00%"),
				Arguments.of("objective", "1.1.3", null, "0,00%"),
				Arguments.of("objective", "1.1.4", "100,00%", "100,00%"),
				Arguments.of("objective", "2.1.1", "87,08%", "100,00%"),
				Arguments.of("objective", "2.1.2", "80,08%", "65,00%"),
				Arguments.of("objective", "2.1.3", "91,48%", "100,00%"),
				Arguments.of("objective", "2.2.1", "52,50%", "100,00%"),
				Arguments.of("objective", "3.1.1", "0,00%", "40,00%"),
				Arguments.of("objective", "3.1.2", "100,00%", "100,00%"),
				Arguments.of("objective", "3.1.3", null, "0,00%"));
	}

	@ParameterizedTest(name = "{0} {1}: {2} with coverage {3}")
	@MethodSource("seedScores")
	void scoresEveryObjectiveOfTheSeed(String kind, String code, String score, String coverage) {
		NodeScore node = june.objective(code).orElseThrow();

		assertThat(node.score() == null ? null : Decimals.percent(node.score())).isEqualTo(score);
		assertThat(Decimals.percent(node.coverage())).isEqualTo(coverage);
	}

	@Test
	void printsTheSeedTable() {
		StringBuilder table = new StringBuilder();
		Stream.of(june.objectives(), june.managers(), june.organisationalAreas(), june.strategicObjectives(),
				june.strategicAreas(), java.util.List.of(june.entity())).flatMap(java.util.List::stream)
				.forEach(n -> table.append(n.kind()).append(" | ").append(n.code()).append(" | ")
						.append(n.score() == null ? "—" : Decimals.percent(n.score())).append(" | ")
						.append(Decimals.percent(n.coverage())).append(" | ").append(n.arithmetic()).append('\n'));
		System.out.println(table);
		assertThat(table).contains("MANAGER | dazzeo");
	}
}
