package org.cicloperformance.reportingservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.Achievement.Rule;
import org.cicloperformance.reportingservice.engine.Achievement.Status;
import org.cicloperformance.reportingservice.engine.IndicatorResult.Delivery;
import org.cicloperformance.reportingservice.engine.Policy.MissingRule;
import org.cicloperformance.reportingservice.engine.Policy.NumericRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AchievementCalculatorTest {

	static final Checkpoint JUNE = new Checkpoint("2018-06-30", LocalDate.of(2018, 6, 30), false);

	static final Checkpoint DECEMBER = new Checkpoint("2018-12-31", LocalDate.of(2018, 12, 31), true);

	static final Policy DEFAULTS = Policy.defaults();

	static Stream<Arguments> numericCases() {
		return Stream.of(
				// case, direction, baseline, policy, target, result, expected %, rule, arithmetic
				Arguments.of("seed 2.1.3 indicator 3", Direction.HIGHER_IS_BETTER, null, DEFAULTS, "600", "527",
						"87,83%", Rule.RATIO, "min(527 / 600, 1) = 87,83%"),
				Arguments.of("ratio above target is capped at 100%", Direction.HIGHER_IS_BETTER, null, DEFAULTS, "5",
						"8", "100,00%", Rule.RATIO, "min(8 / 5, 1) = 100,00%"),
				Arguments.of("percentage in percent points", Direction.HIGHER_IS_BETTER, null, DEFAULTS, "75",
						"82.70", "100,00%", Rule.RATIO, "min(82,7 / 75, 1) = 100,00%"),
				Arguments.of("italian grouping of thousands", Direction.HIGHER_IS_BETTER, null, DEFAULTS, "30000",
						"27457", "91,52%", Rule.RATIO, "min(27.457 / 30.000, 1) = 91,52%"),
				Arguments.of("cap above 100% lets over-achievement count", Direction.HIGHER_IS_BETTER, null,
						DEFAULTS.withCap(new BigDecimal("1.2")), "600", "700", "116,67%", Rule.RATIO,
						"min(700 / 600, 1,2) = 116,67%"),
				Arguments.of("cap above 100% still bites", Direction.HIGHER_IS_BETTER, null,
						DEFAULTS.withCap(new BigDecimal("1.2")), "600", "900", "120,00%", Rule.RATIO,
						"min(900 / 600, 1,2) = 120,00%"),
				Arguments.of("below the floor scores 0", Direction.HIGHER_IS_BETTER, null,
						DEFAULTS.withFloor(new BigDecimal("0.30")), "600", "150", "0,00%", Rule.RATIO,
						"min(150 / 600, 1) = 25,00% < soglia minima 30,00% → 0,00%"),
				Arguments.of("at the floor keeps its value", Direction.HIGHER_IS_BETTER, null,
						DEFAULTS.withFloor(new BigDecimal("0.30")), "600", "180", "30,00%", Rule.RATIO,
						"min(180 / 600, 1) = 30,00%"),
				Arguments.of("lower is better: target / result", Direction.LOWER_IS_BETTER, null, DEFAULTS, "5", "8",
						"62,50%", Rule.INVERSE_RATIO, "min(5 / 8, 1) = 62,50%"),
				Arguments.of("lower is better under target is capped", Direction.LOWER_IS_BETTER, null, DEFAULTS,
						"5", "4", "100,00%", Rule.INVERSE_RATIO, "min(5 / 4, 1) = 100,00%"),
				Arguments.of("lower is better: a result of 0 achieves fully", Direction.LOWER_IS_BETTER, null,
						DEFAULTS, "3", "0", "100,00%", Rule.ZERO_RESULT, "risultato 0 (minore è meglio) = 100,00%"),
				Arguments.of("target 0, higher is better, result 0", Direction.HIGHER_IS_BETTER, null, DEFAULTS, "0",
						"0", "100,00%", Rule.TARGET_ZERO, "target 0, risultato 0 ≥ 0 = 100,00%"),
				Arguments.of("target 0, higher is better, negative result", Direction.HIGHER_IS_BETTER, null,
						DEFAULTS, "0", "-2", "0,00%", Rule.TARGET_ZERO, "target 0, risultato -2 < 0 = 0,00%"),
				Arguments.of("target 0, lower is better, result 0", Direction.LOWER_IS_BETTER, null, DEFAULTS, "0",
						"0", "100,00%", Rule.TARGET_ZERO, "target 0, risultato 0 ≤ 0 = 100,00%"),
				Arguments.of("target 0, lower is better, result above 0", Direction.LOWER_IS_BETTER, null, DEFAULTS,
						"0", "2", "0,00%", Rule.TARGET_ZERO, "target 0, risultato 2 > 0 = 0,00%"),
				Arguments.of("baseline rule", Direction.HIGHER_IS_BETTER, "1300",
						DEFAULTS.withNumericRule(NumericRule.LINEAR_FROM_BASELINE), "1500", "1450", "75,00%",
						Rule.LINEAR_FROM_BASELINE, "min((1.450 − 1.300) / (1.500 − 1.300), 1) = 75,00%"),
				Arguments.of("baseline rule below the baseline hits the floor", Direction.HIGHER_IS_BETTER, "1300",
						DEFAULTS.withNumericRule(NumericRule.LINEAR_FROM_BASELINE), "1500", "1200", "0,00%",
						Rule.LINEAR_FROM_BASELINE,
						"min((1.200 − 1.300) / (1.500 − 1.300), 1) = -50,00% < soglia minima 0,00% → 0,00%"),
				Arguments.of("baseline rule, lower is better", Direction.LOWER_IS_BETTER, "5",
						DEFAULTS.withNumericRule(NumericRule.LINEAR_FROM_BASELINE), "3", "4", "50,00%",
						Rule.LINEAR_FROM_BASELINE, "min((4 − 5) / (3 − 5), 1) = 50,00%"),
				Arguments.of("baseline rule without a baseline falls back to the ratio", Direction.HIGHER_IS_BETTER,
						null, DEFAULTS.withNumericRule(NumericRule.LINEAR_FROM_BASELINE), "600", "527", "87,83%",
						Rule.RATIO, "min(527 / 600, 1) = 87,83%"),
				Arguments.of("ratio rule ignores the baseline", Direction.HIGHER_IS_BETTER, "1300", DEFAULTS, "1500",
						"1450", "96,67%", Rule.RATIO, "min(1.450 / 1.500, 1) = 96,67%"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("numericCases")
	void scoresNumericIndicators(String description, Direction direction, String baseline, Policy policy,
			String target, String result, String expected, Rule rule, String arithmetic) {
		IndicatorDefinition indicator = numeric(direction, baseline == null ? null : new BigDecimal(baseline),
				Map.of(JUNE.id(), IndicatorTarget.number(new BigDecimal(target))));

		Achievement achievement = AchievementCalculator.achievement(indicator, JUNE,
				IndicatorResult.number(new BigDecimal(result)), policy);

		assertThat(achievement.status()).isEqualTo(Status.SCORED);
		assertThat(Decimals.percent(achievement.value())).isEqualTo(expected);
		assertThat(achievement.rule()).isEqualTo(rule);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
	}

	static Stream<Arguments> missingCases() {
		Policy zeroBoth = DEFAULTS.withMissing(MissingRule.ZERO, MissingRule.ZERO);
		Policy excludeBoth = DEFAULTS.withMissing(MissingRule.EXCLUDE, MissingRule.EXCLUDE);
		return Stream.of(
				Arguments.of("intermediate checkpoint excludes by default", JUNE, DEFAULTS, Status.MISSING_EXCLUDED,
						null, "risultato mancante alla verifica intermedia → escluso (EXCLUDE)"),
				Arguments.of("final checkpoint scores 0 by default", DECEMBER, DEFAULTS, Status.MISSING_ZERO,
						"0,00%", "risultato mancante alla verifica finale → 0,00% (ZERO)"),
				Arguments.of("intermediate checkpoint with ZERO", JUNE, zeroBoth, Status.MISSING_ZERO, "0,00%",
						"risultato mancante alla verifica intermedia → 0,00% (ZERO)"),
				Arguments.of("final checkpoint with EXCLUDE", DECEMBER, excludeBoth, Status.MISSING_EXCLUDED, null,
						"risultato mancante alla verifica finale → escluso (EXCLUDE)"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("missingCases")
	void appliesTheMissingResultRuleOfTheCheckpoint(String description, Checkpoint checkpoint, Policy policy,
			Status status, String expected, String arithmetic) {
		IndicatorDefinition indicator = numeric(Direction.HIGHER_IS_BETTER, null,
				Map.of(JUNE.id(), IndicatorTarget.number(BigDecimal.TEN),
						DECEMBER.id(), IndicatorTarget.number(BigDecimal.TEN)));

		Achievement achievement = AchievementCalculator.achievement(indicator, checkpoint, null, policy);

		assertThat(achievement.status()).isEqualTo(status);
		assertThat(achievement.value() == null ? null : Decimals.percent(achievement.value())).isEqualTo(expected);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
	}

	static Stream<Arguments> notDueCases() {
		return Stream.of(
				Arguments.of("no target at the checkpoint, with a result", IndicatorResult.number(BigDecimal.ONE)),
				Arguments.of("no target at the checkpoint, without a result", null));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notDueCases")
	void leavesOutIndicatorsNotDue(String description, IndicatorResult result) {
		IndicatorDefinition indicator = numeric(Direction.HIGHER_IS_BETTER, null,
				Map.of(DECEMBER.id(), IndicatorTarget.number(BigDecimal.TEN)));

		Achievement achievement = AchievementCalculator.achievement(indicator, JUNE, result, DEFAULTS);

		assertThat(achievement.status()).isEqualTo(Status.NOT_DUE);
		assertThat(achievement.counts()).isFalse();
	}

	static Stream<Arguments> otherKindCases() {
		IndicatorTarget yes = new IndicatorTarget(null, true, null, null, "si");
		IndicatorTarget qualitative = new IndicatorTarget(null, null, null, null, "Aggiornamento sulle attività");
		return Stream.of(
				Arguments.of("boolean yes", MeasureKind.BOOLEAN, yes,
						new IndicatorResult(1, 1, null, true, null, null, null, "SI"), "100,00%", "sì = 100,00%"),
				Arguments.of("boolean no", MeasureKind.BOOLEAN, yes,
						new IndicatorResult(1, 1, null, false, null, null, null, "NO"), "0,00%", "no = 0,00%"),
				Arguments.of("qualitative assessment", MeasureKind.QUALITATIVE, qualitative,
						new IndicatorResult(1, 1, null, null, null, new BigDecimal("60"), null, "avviato"), "60,00%",
						"min(60 / 100, 1) = 60,00%"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherKindCases")
	void scoresBooleanAndQualitativeIndicators(String description, MeasureKind kind, IndicatorTarget target,
			IndicatorResult result, String expected, String arithmetic) {
		IndicatorDefinition indicator = new IndicatorDefinition("1", "i", kind, Direction.HIGHER_IS_BETTER, null,
				BigDecimal.TEN, null, null, Map.of(JUNE.id(), target));

		Achievement achievement = AchievementCalculator.achievement(indicator, JUNE, result, DEFAULTS);

		assertThat(Decimals.percent(achievement.value())).isEqualTo(expected);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
	}

	static Stream<Arguments> milestoneCases() {
		List<MilestoneDefinition> milestones = List.of(new MilestoneDefinition("M1", LocalDate.of(2018, 3, 31)),
				new MilestoneDefinition("M2", LocalDate.of(2018, 5, 31)));
		return Stream.of(
				Arguments.of("both on time", milestones, DEFAULTS,
						List.of(delivery("M1", "2018-03-31"), delivery("M2", "2018-05-02")), "100,00%",
						"(1 + 1) / 2 = 100,00%"),
				Arguments.of("one late earns no credit by default", milestones, DEFAULTS,
						List.of(delivery("M1", "2018-03-31"), delivery("M2", "2018-06-15")), "50,00%",
						"(1 + 0) / 2 = 50,00%"),
				Arguments.of("one late earns the policy's late credit", milestones,
						DEFAULTS.withLateMilestoneCredit(new BigDecimal("0.5")),
						List.of(delivery("M1", "2018-03-31"), delivery("M2", "2018-06-15")), "75,00%",
						"(1 + 0,5) / 2 = 75,00%"),
				Arguments.of("one not delivered (seed 2.2.1 indicator 1)", milestones, DEFAULTS,
						List.of(delivery("M1", "2018-03-31")), "50,00%", "(1 + 0) / 2 = 50,00%"),
				Arguments.of("nothing delivered", milestones, DEFAULTS, List.of(), "0,00%", "(0 + 0) / 2 = 0,00%"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("milestoneCases")
	void scoresTheShareOfMilestonesDeliveredByTheirDate(String description, List<MilestoneDefinition> milestones,
			Policy policy, List<Delivery> delivered, String expected, String arithmetic) {
		IndicatorDefinition indicator = new IndicatorDefinition("1", "presentazioni", MeasureKind.MILESTONE, null,
				null, BigDecimal.TEN, null, milestones,
				Map.of(JUNE.id(), new IndicatorTarget(null, null, List.of("M1", "M2"), null, null)));

		Achievement achievement = AchievementCalculator.achievement(indicator, JUNE,
				new IndicatorResult(1, 1, null, null, delivered, null, null, null), policy);

		assertThat(Decimals.percent(achievement.value())).isEqualTo(expected);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
		assertThat(achievement.parts()).hasSize(2);
	}

	static Stream<Arguments> compoundCases() {
		List<ComponentDefinition> equal = List.of(new ComponentDefinition("istanze", null, null),
				new ComponentDefinition("riunioni", null, null));
		List<ComponentDefinition> weighted = List.of(new ComponentDefinition("istanze", null, new BigDecimal("60")),
				new ComponentDefinition("riunioni", null, new BigDecimal("40")));
		Map<String, BigDecimal> target = Map.of("istanze", new BigDecimal("6000"), "riunioni", new BigDecimal("6"));
		return Stream.of(
				Arguments.of("seed 2.1.1 indicator 2, equal weights", equal, target,
						Map.of("istanze", new BigDecimal("2799"), "riunioni", new BigDecimal("3")), "48,33%",
						"(46,65% + 50,00%) / 2 = 48,33%"),
				Arguments.of("component weights from the plan", weighted, target,
						Map.of("istanze", new BigDecimal("2799"), "riunioni", new BigDecimal("3")), "47,99%",
						"(60 · 46,65% + 40 · 50,00%) / 100 = 47,99%"),
				Arguments.of("each component is capped before the mean", equal, target,
						Map.of("istanze", new BigDecimal("12000"), "riunioni", new BigDecimal("3")), "75,00%",
						"(100,00% + 50,00%) / 2 = 75,00%"),
				Arguments.of("a component without a value scores 0", equal, target,
						Map.of("istanze", new BigDecimal("6000")), "50,00%", "(100,00% + 0,00%) / 2 = 50,00%"),
				Arguments.of("only the components with a target count (seed 2.1.1 indicator 4)",
						List.of(new ComponentDefinition("seminari", null, null),
								new ComponentDefinition("corsi", null, null)),
						Map.of("seminari", new BigDecimal("2")), Map.of("seminari", new BigDecimal("4")), "100,00%",
						"(100,00%) / 1 = 100,00%"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("compoundCases")
	void scoresCompoundIndicatorsAsTheMeanOfTheirComponents(String description, List<ComponentDefinition> components,
			Map<String, BigDecimal> target, Map<String, BigDecimal> result, String expected, String arithmetic) {
		IndicatorDefinition indicator = new IndicatorDefinition("2", "istanze e riunioni", MeasureKind.COMPOUND, null,
				null, BigDecimal.TEN, components, null,
				Map.of(JUNE.id(), new IndicatorTarget(null, null, null, target, null)));

		Achievement achievement = AchievementCalculator.achievement(indicator, JUNE,
				new IndicatorResult(1, 1, null, null, null, null, result, null), DEFAULTS);

		assertThat(Decimals.percent(achievement.value())).isEqualTo(expected);
		assertThat(achievement.arithmetic()).isEqualTo(arithmetic);
	}

	@org.junit.jupiter.api.Test
	void leavesADescriptiveQualitativeResultOutUntilTheOivJudgesIt() {
		IndicatorTarget target = new IndicatorTarget(null, null, null, null, "Avvio sperimentazione");
		IndicatorDefinition indicator = new IndicatorDefinition("1", "i", MeasureKind.QUALITATIVE,
				Direction.HIGHER_IS_BETTER, null, BigDecimal.TEN, null, null, Map.of(JUNE.id(), target));
		IndicatorResult described = new IndicatorResult(1, 1, null, null, null, null, null, "Regolamentazione");

		Achievement live = AchievementCalculator.achievement(indicator, JUNE, described, DEFAULTS);
		Achievement validated = AchievementCalculator.achievement(indicator, JUNE, described, DEFAULTS,
				OivVerdict.validated());
		Achievement judged = AchievementCalculator.achievement(indicator, JUNE, described, DEFAULTS,
				OivVerdict.adjusted(new BigDecimal("0.40"), "regolamenti approvati, sperimentazione non avviata"));

		assertThat(live.status()).isEqualTo(Status.AWAITING_JUDGEMENT);
		assertThat(live.counts()).isFalse();
		assertThat(live.arithmetic())
				.isEqualTo("risultato descrittivo, da valutare a cura dell'OIV → escluso fino alla valutazione");
		assertThat(validated.counts()).as("validating without a figure judges nothing").isFalse();
		assertThat(Decimals.percent(judged.value())).isEqualTo("40,00%");
		assertThat(judged.arithmetic())
				.isEqualTo("raggiungimento rettificato dall'OIV: 40,00% (risultato descrittivo valutato dall'OIV)");
	}

	static IndicatorDefinition numeric(Direction direction, BigDecimal baseline, Map<String, IndicatorTarget> targets) {
		return new IndicatorDefinition("3", "pratiche", MeasureKind.COUNT, direction, baseline, BigDecimal.TEN, null,
				null, targets);
	}

	static Delivery delivery(String milestone, String date) {
		return new Delivery(milestone, LocalDate.parse(date));
	}
}
