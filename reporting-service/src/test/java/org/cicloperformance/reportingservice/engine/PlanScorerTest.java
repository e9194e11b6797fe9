package org.cicloperformance.reportingservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Manager;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Objective;
import org.cicloperformance.reportingservice.engine.ScoringPlan.OrganisationalArea;
import org.cicloperformance.reportingservice.engine.ScoringPlan.StrategicArea;
import org.cicloperformance.reportingservice.engine.ScoringPlan.StrategicObjective;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PlanScorerTest {

	static final Checkpoint JUNE = new Checkpoint("2018-06-30", LocalDate.of(2018, 6, 30), false);

	static final Checkpoint DECEMBER = new Checkpoint("2018-12-31", LocalDate.of(2018, 12, 31), true);

	/** The shape of seed objectives 2.1.3 (weights 20/10/70) and 1.1.1 (two indicators not due at 30/6). */
	static ScoringPlan plan(int version, String weightOfIndicator3) {
		Objective procedure = new Objective("2.1.3", "Procedimento unificato", "dazzeo", "ANA", bd("20"), null, null,
				List.of(count("1", "20", "2", "14"), count("2", "10", "2", "5"),
						count("3", weightOfIndicator3, "600", "1000")));
		Objective school = new Objective("1.1.1", "Alternanza scuola lavoro", "vairano", "PRM", bd("30"), null, null,
				List.of(count("1", "20", "5", "7"), count("2", "10", "25", "30"), count("3", "20", null, "15"),
						yes("4", "30", true, true), yes("5", "20", false, true)));
		Objective quality = new Objective("2.1.1", "Qualità del dato", "dazzeo", "ANA", bd("80"), null, null,
				List.of(count("1", "100", "500", "1000")));
		return new ScoringPlan("p", version, "cciaa", "Camera", Policy.defaults(), List.of(JUNE, DECEMBER),
				List.of(new StrategicArea("1", "Promozione", bd("50"),
						List.of(new StrategicObjective("1.1", "Sviluppo", bd("50"), List.of(school)))),
						new StrategicArea("2", "Servizi", bd("50"),
								List.of(new StrategicObjective("2.1", "E-gov", bd("50"), List.of(quality, procedure))))),
				List.of(new Manager("dazzeo", "dr Antonio d'Azzeo", "ANA"), new Manager("vairano", "dr.ssa Vairano", "PRM")),
				List.of(new OrganisationalArea("ANA", "Area Anagrafica"), new OrganisationalArea("PRM", "Area Promozione")));
	}

	static Map<ResultKey, IndicatorResult> juneResults() {
		Map<ResultKey, IndicatorResult> results = new HashMap<>();
		results.put(new ResultKey("2.1.3", "1"), number(1, "10"));
		results.put(new ResultKey("2.1.3", "2"), number(1, "4"));
		results.put(new ResultKey("2.1.3", "3"), number(1, "527"));
		results.put(new ResultKey("1.1.1", "1"), number(1, "8"));
		results.put(new ResultKey("1.1.1", "2"), number(1, "40"));
		results.put(new ResultKey("1.1.1", "3"), number(1, "23"));
		results.put(new ResultKey("1.1.1", "4"), new IndicatorResult(1, 1, null, true, null, null, null, "si"));
		results.put(new ResultKey("1.1.1", "5"), new IndicatorResult(1, 1, null, true, null, null, null, "SI"));
		results.put(new ResultKey("2.1.1", "1"), number(1, "250"));
		return results;
	}

	@Test
	void scoresTheSeedAcceptanceObjectives() {
		Scorecard card = new PlanScorer(plan(1, "70")).score(JUNE, juneResults());

		NodeScore procedure = card.objective("2.1.3").orElseThrow();
		assertThat(Decimals.percent(procedure.score())).isEqualTo("91,48%");
		assertThat(Decimals.percent(procedure.coverage())).isEqualTo("100,00%");
		assertThat(procedure.arithmetic()).isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%");

		NodeScore school = card.objective("1.1.1").orElseThrow();
		assertThat(Decimals.percent(school.score())).isEqualTo("100,00%");
		assertThat(Decimals.percent(school.coverage())).isEqualTo("60,00%");
		assertThat(school.coverageArithmetic()).isEqualTo("60 / 100 = 60,00%");
	}

	static Stream<Arguments> rollUps() {
		// 2.1.1 = 50%, coverage 100%; 2.1.3 = 91,48..%; 1.1.1 = 100% with coverage 60%
		return Stream.of(
				Arguments.of("manager: by the manager's objective weights", "manager", "dazzeo",
						"(80 · 50,00% + 20 · 91,48%) / 100 = 58,30%", "100,00%"),
				Arguments.of("manager whose objective is partly measured", "manager", "vairano",
						"(30 · 100,00%) / 30 = 100,00%", "60,00%"),
				Arguments.of("organisational area: its objectives by manager weights", "area", "ANA",
						"(80 · 50,00% + 20 · 91,48%) / 100 = 58,30%", "100,00%"),
				Arguments.of("strategic objective: equal weights when the plan gives none", "strategic", "2.1",
						"(1 · 50,00% + 1 · 91,48%) / 2 = 70,74%", "100,00%"),
				Arguments.of("strategic area: by strategic objective value", "strategicArea", "1",
						"(50 · 100,00%) / 50 = 100,00%", "60,00%"),
				Arguments.of("entity: by strategic area value, coverage reaching down to the indicators", "entity",
						"cciaa", "(50 · 100,00% + 50 · 70,74%) / 100 = 85,37%", "(50 · 60,00% + 50 · 100,00%) / 100 = 80,00%"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("rollUps")
	void rollsUpWeightedMeansWithCoverage(String description, String level, String code, String arithmetic,
			String coverage) {
		Scorecard card = new PlanScorer(plan(1, "70")).score(JUNE, juneResults());

		NodeScore node = switch (level) {
			case "manager" -> card.manager(code).orElseThrow();
			case "area" -> card.organisationalArea(code).orElseThrow();
			case "strategic" -> card.strategicObjective(code).orElseThrow();
			case "strategicArea" -> card.strategicArea(code).orElseThrow();
			default -> card.entity();
		};

		assertThat(node.arithmetic()).isEqualTo(arithmetic);
		assertThat(coverage.contains("(") ? node.coverageArithmetic() : Decimals.percent(node.coverage()))
				.endsWith(coverage);
	}

	@Test
	void aRevisionThatChangesAWeightChangesTheObjectiveScore() {
		Scorecard original = new PlanScorer(plan(1, "70")).score(JUNE, juneResults());
		Scorecard revised = new PlanScorer(plan(2, "20")).score(JUNE, juneResults());

		assertThat(Decimals.percent(original.objective("2.1.3").orElseThrow().score())).isEqualTo("91,48%");
		assertThat(revised.objective("2.1.3").orElseThrow().arithmetic())
				.isEqualTo("(20 · 100,00% + 10 · 100,00% + 20 · 87,83%) / 50 = 95,13%");
		assertThat(revised.planVersion()).isEqualTo(2);
	}

	@Test
	void aCorrectionReplacesTheResultAndGivesTheSameScorecardAsAFullComputation() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		Scorecard before = scorer.score(JUNE, juneResults());
		IndicatorResult correction = number(2, "600");

		Scorecard updated = scorer.update(before, JUNE, new ResultKey("2.1.3", "3"), correction);

		Map<ResultKey, IndicatorResult> corrected = new HashMap<>(juneResults());
		corrected.put(new ResultKey("2.1.3", "3"), correction);
		assertThat(updated).isEqualTo(scorer.score(JUNE, corrected));
		assertThat(Decimals.percent(updated.objective("2.1.3").orElseThrow().score())).isEqualTo("100,00%");
		assertThat(updated.indicator("2.1.3", "3").orElseThrow().result().resultVersion()).isEqualTo(2);
	}

	@Test
	void aMissingResultAtTheFinalCheckpointScoresZeroAndCounts() {
		Scorecard card = new PlanScorer(plan(1, "70")).score(DECEMBER, Map.of());

		NodeScore school = card.objective("1.1.1").orElseThrow();
		assertThat(Decimals.percent(school.score())).isEqualTo("0,00%");
		assertThat(Decimals.percent(school.coverage())).isEqualTo("100,00%");
	}

	@Test
	void nothingMeasuredLeavesTheScoreUnknownWithZeroCoverage() {
		Scorecard card = new PlanScorer(plan(1, "70")).score(JUNE, Map.of());

		assertThat(card.entity().score()).isNull();
		assertThat(card.entity().coverage()).isZero();
		assertThat(card.entity().arithmetic()).isEqualTo("nessun elemento misurato");
	}

	@Test
	void incrementalUpdatesInAnyOrderEqualTheFullComputation() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		List<Map.Entry<ResultKey, IndicatorResult>> events = new ArrayList<>(juneResults().entrySet());
		Random random = new Random(42);
		for (int round = 0; round < 20; round++) {
			java.util.Collections.shuffle(events, random);
			Scorecard card = scorer.score(JUNE, Map.of());
			for (Map.Entry<ResultKey, IndicatorResult> event : events) {
				card = scorer.update(card, JUNE, event.getKey(), event.getValue());
			}
			assertThat(card).isEqualTo(scorer.score(JUNE, juneResults()));
		}
	}

	@Test
	void updatingSeveralIndicatorsAtOnceEqualsUpdatingThemOneByOne() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		List<Map.Entry<ResultKey, IndicatorResult>> events = new ArrayList<>(juneResults().entrySet());
		Random random = new Random(7);
		for (int round = 0; round < 20; round++) {
			java.util.Collections.shuffle(events, random);
			int split = random.nextInt(events.size() + 1);
			Scorecard oneByOne = scorer.score(JUNE, Map.of());
			Map<ResultKey, IndicatorResult> first = new java.util.LinkedHashMap<>();
			for (Map.Entry<ResultKey, IndicatorResult> event : events.subList(0, split)) {
				oneByOne = scorer.update(oneByOne, JUNE, event.getKey(), event.getValue());
				first.put(event.getKey(), event.getValue());
			}
			Map<ResultKey, IndicatorResult> rest = new java.util.LinkedHashMap<>();
			events.subList(split, events.size()).forEach(e -> rest.put(e.getKey(), e.getValue()));
			rest.put(new ResultKey("9.9.9", "1"), number(1, "1"));

			Scorecard atOnce = scorer.update(scorer.update(scorer.score(JUNE, Map.of()), JUNE, first), JUNE, rest);

			assertThat(atOnce).isEqualTo(scorer.score(JUNE, juneResults()));
			assertThat(scorer.update(oneByOne, JUNE, rest)).isEqualTo(atOnce);
		}
	}

	@Test
	void updatingNoIndicatorOfTheVersionLeavesTheScorecardAsItIs() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		Scorecard card = scorer.score(JUNE, juneResults());

		assertThat(scorer.update(card, JUNE, Map.of())).isSameAs(card);
		assertThat(scorer.update(card, JUNE, Map.of(new ResultKey("9.9.9", "1"), number(1, "1")))).isSameAs(card);
	}

	@Test
	void anIndicatorTheVersionDoesNotHaveLeavesTheScorecardAsItIs() {
		PlanScorer scorer = new PlanScorer(plan(1, "70"));
		Scorecard card = scorer.score(JUNE, juneResults());

		assertThat(scorer.update(card, JUNE, new ResultKey("9.9.9", "1"), number(1, "1"))).isSameAs(card);
	}

	static IndicatorDefinition count(String code, String weight, String june, String december) {
		Map<String, IndicatorTarget> targets = new HashMap<>();
		if (june != null) {
			targets.put(JUNE.id(), IndicatorTarget.number(bd(june)));
		}
		targets.put(DECEMBER.id(), IndicatorTarget.number(bd(december)));
		return new IndicatorDefinition(code, "indicatore " + code, MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, null,
				bd(weight), null, null, targets);
	}

	static IndicatorDefinition yes(String code, String weight, boolean dueInJune, boolean dueInDecember) {
		Map<String, IndicatorTarget> targets = new HashMap<>();
		IndicatorTarget yes = new IndicatorTarget(null, true, null, null, "si");
		if (dueInJune) {
			targets.put(JUNE.id(), yes);
		}
		if (dueInDecember) {
			targets.put(DECEMBER.id(), yes);
		}
		return new IndicatorDefinition(code, "indicatore " + code, MeasureKind.BOOLEAN, Direction.HIGHER_IS_BETTER, null,
				bd(weight), null, null, targets);
	}

	static IndicatorResult number(int version, String value) {
		return new IndicatorResult(version, 1, bd(value), null, null, null, null, value);
	}

	static BigDecimal bd(String value) {
		return new BigDecimal(value);
	}
}
