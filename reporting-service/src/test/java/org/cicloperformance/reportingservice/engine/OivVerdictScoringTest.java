package org.cicloperformance.reportingservice.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cicloperformance.reportingservice.engine.PlanScorerTest.JUNE;
import static org.cicloperformance.reportingservice.engine.PlanScorerTest.bd;
import static org.cicloperformance.reportingservice.engine.PlanScorerTest.juneResults;
import static org.cicloperformance.reportingservice.engine.PlanScorerTest.plan;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.Achievement.Rule;
import org.cicloperformance.reportingservice.engine.Achievement.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The final scores of a closed checkpoint: the OIV's verdicts as an input of the engine. */
class OivVerdictScoringTest {

	static final IndicatorDefinition COUNT_600 = PlanScorerTest.count("3", "70", "600", "1000");

	static Stream<Arguments> verdicts() {
		return Stream.of(
				// case, policy, result, verdict, used %, rule, arithmetic, declared %
				Arguments.of("adjusted below the self-reported figure", Policy.defaults(), "300",
						OivVerdict.adjusted(bd("0.45"), "riunioni non documentate"), "45,00%", Rule.OIV_ADJUSTED,
						"raggiungimento rettificato dall'OIV: 45,00% (dichiarato 50,00%)", "50,00%"),
				Arguments.of("adjusted above the self-reported figure", Policy.defaults(), "527",
						OivVerdict.adjusted(bd("1"), "dato di fine giugno incompleto"), "100,00%", Rule.OIV_ADJUSTED,
						"raggiungimento rettificato dall'OIV: 100,00% (dichiarato 87,83%)", "87,83%"),
				Arguments.of("adjusted to zero", Policy.defaults(), "527", OivVerdict.adjusted(bd("0"), "nessuna prova"),
						"0,00%", Rule.OIV_ADJUSTED, "raggiungimento rettificato dall'OIV: 0,00% (dichiarato 87,83%)",
						"87,83%"),
				Arguments.of("the OIV's figure is used as it is, below the policy floor too",
						Policy.defaults().withFloor(bd("0.30")), "527", OivVerdict.adjusted(bd("0.2"), "motivo"),
						"20,00%", Rule.OIV_ADJUSTED, "raggiungimento rettificato dall'OIV: 20,00% (dichiarato 87,83%)",
						"87,83%"),
				Arguments.of("adjusted without a result at the checkpoint", Policy.defaults(), null,
						OivVerdict.adjusted(bd("0.6"), "dato verificato dall'OIV"), "60,00%", Rule.OIV_ADJUSTED,
						"raggiungimento rettificato dall'OIV: 60,00% (dichiarato: nessun raggiungimento)", null),
				Arguments.of("validated keeps the self-reported figure", Policy.defaults(), "527",
						OivVerdict.validated(), "87,83%", Rule.RATIO, "min(527 / 600, 1) = 87,83%", "87,83%"),
				Arguments.of("no verdict: the live computation", Policy.defaults(), "527", null, "87,83%", Rule.RATIO,
						"min(527 / 600, 1) = 87,83%", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("verdicts")
	void usesTheOivFigureAndKeepsTheSelfReportedOne(String description, Policy policy, String result,
			OivVerdict verdict, String used, Rule rule, String arithmetic, String declared) {
		IndicatorResult reported = result == null ? null : PlanScorerTest.number(1, result);

		Achievement achievement = AchievementCalculator.achievement(COUNT_600, JUNE, reported, policy, verdict);

		assertThat(Decimals.percent(achievement.value())).isEqualTo(used);
		assertThat(achievement.status()).isEqualTo(Status.SCORED);
		assertThat(achievement.rule()).isEqualTo(rule);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
		assertThat(achievement.oiv()).isEqualTo(verdict);
		if (verdict == null) {
			assertThat(achievement.declared()).isNull();
		}
		else if (declared == null) {
			assertThat(achievement.declared().value()).isNull();
		}
		else {
			assertThat(Decimals.percent(achievement.declared().value())).isEqualTo(declared);
			assertThat(achievement.declared().oiv()).isNull();
		}
	}

	@Test
	void anAdjustmentOfAnIndicatorNotDueChangesNothing() {
		IndicatorDefinition decemberOnly = PlanScorerTest.count("3", "20", null, "15");

		Achievement achievement = AchievementCalculator.achievement(decemberOnly, JUNE, PlanScorerTest.number(1, "5"),
				Policy.defaults(), OivVerdict.adjusted(bd("0.5"), "motivo"));

		assertThat(achievement.status()).isEqualTo(Status.NOT_DUE);
		assertThat(achievement.value()).isNull();
		assertThat(achievement.oiv().kind()).isEqualTo(OivVerdict.Kind.ADJUSTED);
	}

	@Test
	void theAdjustedFigureEntersEveryRollUp() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		Map<ResultKey, OivVerdict> verdicts = new HashMap<>();
		juneResults().keySet().forEach(key -> verdicts.put(key, OivVerdict.validated()));
		verdicts.put(new ResultKey("2.1.3", "3"), OivVerdict.adjusted(bd("0.5"), "dato non documentato"));

		Scorecard card = scorer.score(JUNE, juneResults(), verdicts);

		assertThat(card.objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 50,00%) / 100 = 65,00%");
		assertThat(card.manager("dazzeo").orElseThrow().arithmetic())
				.isEqualTo("(80 · 50,00% + 20 · 65,00%) / 100 = 53,00%");
		IndicatorScore adjusted = card.indicator("2.1.3", "3").orElseThrow();
		assertThat(adjusted.result().resultVersion()).isEqualTo(1);
		assertThat(Decimals.percent(adjusted.achievement().declared().value())).isEqualTo("87,83%");
	}

	@Test
	void allValidatedGivesTheLiveFiguresWithTheVerdictsAttached() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		Map<ResultKey, OivVerdict> verdicts = new HashMap<>();
		juneResults().keySet().forEach(key -> verdicts.put(key, OivVerdict.validated()));

		Scorecard closed = scorer.score(JUNE, juneResults(), verdicts);
		Scorecard live = scorer.score(JUNE, juneResults());

		assertThat(closed.entity()).isEqualTo(live.entity());
		assertThat(closed.managers()).isEqualTo(live.managers());
		assertThat(closed.indicator("2.1.3", "3").orElseThrow().achievement().oiv()).isEqualTo(OivVerdict.validated());
	}

	@Test
	void refusesAnAdjustmentOutsideZeroToOne() {
		assertThatThrownBy(() -> OivVerdict.adjusted(new BigDecimal("1.45"), "motivo"))
				.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> OivVerdict.adjusted(null, "motivo")).isInstanceOf(IllegalArgumentException.class);
	}
}
