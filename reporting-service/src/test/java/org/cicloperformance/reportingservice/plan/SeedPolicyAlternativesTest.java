package org.cicloperformance.reportingservice.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The choices the seed does not make (docs/scoring-rules.md, "Policy, not the seed"), each against its alternative,
 * with the figures the demo gets at 30/6 under both: the table of the doc is these assertions.
 */
class SeedPolicyAlternativesTest {

	private static final String JUNE = "2018-06-30";

	@Test
	void rollingUpOperationalObjectivesByTheirManagersWeightsInsteadOfEqually() {
		Scorecard equal = score(Seed.plan(), null);
		ObjectNode byManagerWeight = (ObjectNode) Seed.plan();
		byManagerWeight.path("strategicAreas").forEach(area -> area.path("strategicObjectives")
				.forEach(strategic -> strategic.path("operationalObjectives").forEach(objective -> ((ObjectNode) objective)
						.set("contributionWeight", objective.path("weight")))));
		Scorecard weighted = score(byManagerWeight, null);

		assertThat(figures(equal)).isEqualTo("2.1 86,22% · area 2 76,10% · entity 75,36%");
		assertThat(figures(weighted)).isEqualTo("2.1 85,34% · area 2 75,49% · entity 75,16%");
	}

	@Test
	void theSmvpsRollUpByManagerWeightGivesTheSameFiguresAsContributionWeightsEqualToTheManagersWeights() {
		Scorecard bySmvp = score(Seed.plan(), Policy.defaults().withRollUp(Policy.RollUpWeights.BY_MANAGER_WEIGHT));

		assertThat(figures(bySmvp)).isEqualTo("2.1 85,34% · area 2 75,49% · entity 75,16%");
		assertThat(bySmvp.strategicObjective("2.1").orElseThrow().weightBasis())
				.isEqualTo("pesi degli obiettivi del dirigente");
		assertThat(bySmvp.strategicObjective("2.1").orElseThrow().arithmetic())
				.isEqualTo("(20 · 87,08% + 30 · 80,08% + 20 · 91,48%) / 70 = 85,34%");
	}

	@Test
	void readsAPolicyPublishedBeforeSmvpsAsThePlansOwnRolledUpAsBefore() {
		PlanEvent.Policy old = new PlanEvent.Policy(3, null, null, null, null, null, null, null);

		assertThat(PlanMapper.policy(old)).extracting(p -> p.smvpId(), p -> p.smvpVersion(), p -> p.version(),
				p -> p.rollUp()).containsExactly(null, null, 3, Policy.RollUpWeights.EQUAL);
	}

	@Test
	void noCapOnTheRatioInsteadOfOneHundredPercent() {
		Scorecard capped = score(Seed.plan(), null);
		Scorecard uncapped = score(Seed.plan(), Policy.defaults().withCap(new BigDecimal("1000")));

		assertThat(Decimals.percent(capped.entity().score())).isEqualTo("75,36%");
		assertThat(Decimals.percent(uncapped.entity().score())).isEqualTo("119,61%");
		System.out.println("uncapped: " + uncapped.indicator("2.1.1", "1").orElseThrow().achievement().arithmetic()
				+ "; dazzeo " + Decimals.percent(uncapped.managers().stream().filter(m -> m.code().equals("dazzeo"))
						.findFirst().orElseThrow().score()));
	}

	@Test
	void scoringTheThirtiethOfJuneWithTheRevisedPlanInsteadOfTheVersionInForce() {
		JsonNode revised = Seed.JSON.readTree(Seed.planRevised(Seed.PLAN_ID)).path("plan");
		Scorecard inForce = score(Seed.plan(), null);
		Scorecard withRevision = score(revised, null);

		assertThat(Decimals.percent(inForce.objective("2.2.1").orElseThrow().score())).isEqualTo("52,50%");
		assertThat(Decimals.percent(withRevision.objective("2.2.1").orElseThrow().score())).isEqualTo("60,00%");
		System.out.println("2.2.1 at 30/6, version in force: " + inForce.objective("2.2.1").orElseThrow().arithmetic()
				+ "; with the revision's weights: " + withRevision.objective("2.2.1").orElseThrow().arithmetic()
				+ "; entity " + Decimals.percent(withRevision.entity().score()));
	}

	@Test
	void theMissingResultRuleMovesNothingAtJuneBecauseEveryDueIndicatorHasAResult() {
		Scorecard june = score(Seed.plan(), null);

		assertThat(june.indicators()).extracting(i -> i.achievement().status())
				.doesNotContain(org.cicloperformance.reportingservice.engine.Achievement.Status.MISSING_EXCLUDED);
	}

	private static String figures(Scorecard scorecard) {
		return "2.1 " + Decimals.percent(scorecard.strategicObjectives().stream().filter(n -> n.code().equals("2.1"))
				.findFirst().orElseThrow().score()) + " · area 2 "
				+ Decimals.percent(scorecard.strategicAreas().stream().filter(n -> n.code().equals("2")).findFirst()
						.orElseThrow().score())
				+ " · entity " + Decimals.percent(scorecard.entity().score());
	}

	private static Scorecard score(JsonNode planJson, Policy policy) {
		PlanEvent.Content content = Seed.JSON.treeToValue(planJson, PlanEvent.Content.class);
		ScoringPlan plan = PlanMapper.toScoringPlan(Seed.PLAN_ID, 1, content);
		if (policy != null) {
			plan = new ScoringPlan(plan.planId(), plan.version(), plan.entity(), plan.entityName(), policy,
					plan.checkpoints(), plan.strategicAreas(), plan.managers(), plan.organisationalAreas());
		}
		Map<ResultKey, IndicatorResult> results = new HashMap<>();
		for (JsonNode result : Seed.JSON.readTree(Seed.read(Seed.DEMO.resolve("risultati-2018-06-30.json")))
				.path("results")) {
			ResultEvent.Value value = Seed.JSON.treeToValue(result.path("value"), ResultEvent.Value.class);
			ResultFact fact = new ResultFact("x", Seed.PLAN_ID, result.path("objective").asString(),
					result.path("indicator").asString(), JUNE, 1, 1, "e", null, null, null, null, value, null, null,
					null);
			results.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
		}
		Checkpoint checkpoint = plan.checkpoint(JUNE).orElseThrow();
		return new PlanScorer(plan).score(checkpoint, results);
	}
}
