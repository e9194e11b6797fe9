package org.cicloperformance.reportingservice.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.report.MonitoringReport.IndicatorRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ManagerTable;
import org.cicloperformance.reportingservice.report.MonitoringReport.ObjectiveSection;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalTable;
import org.cicloperformance.reportingservice.report.MonitoringReport.WeightRow;
import org.cicloperformance.reportingservice.support.Seed;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The report model of the demo at 30/6: what each part says, built without Spring from the demo files. */
class ReportBuilderTest {

	static MonitoringReport june;

	@BeforeAll
	static void buildTheDemoReport() {
		june = DemoReport.report(DemoReport.inputs(DemoReport.planWithSignatories(), Optional.empty()));
	}

	@Test
	void theProposalTableOf213ComparesTheJuneForecastTheResultAndTheOldAndNewYearEndTargets() {
		List<ProposalTable> tables = objective("2.1.3").proposals();

		assertThat(tables).singleElement().satisfies(table -> {
			assertThat(table.version()).isEqualTo(2);
			assertThat(table.changedAt()).isEqualTo("31/12/2018");
			assertThat(table.rows()).extracting(ProposalRow::indicator, ProposalRow::forecastAtCheckpoint,
					ProposalRow::achieved, ProposalRow::previousForecast, ProposalRow::newForecast, ProposalRow::added)
					.containsExactly(tuple("1", "2", "10 corsi", "14",
							"20 corsi formativi per funzionari S.u.a.p. e funzionari degli “Enti terzi”", false));
			assertThat(table.rows().get(0).reason()).startsWith("Con deliberazione della Giunta camerale n. 63");
		});
	}

	@Test
	void theProposalTableOf111RaisesThreeTargetsAndRewordsTheReporting() {
		ProposalTable table = objective("1.1.1").proposals().get(0);

		assertThat(table.rows()).extracting(ProposalRow::indicator, ProposalRow::forecastAtCheckpoint,
				ProposalRow::achieved, ProposalRow::previousForecast, ProposalRow::newForecast)
				.containsExactly(tuple("1", "5", "8 eventi e comunicazioni mirate", "7", "11"),
						tuple("2", "25", "40 studenti", "30", "43"),
						tuple("3", ReportBuilder.NONE, "23 istituti scolastici", "15", "28"),
						tuple("5", ReportBuilder.NONE, "sì", "SI",
								"predisposizione dell'elenco delle attività realizzate al 31.12.2018 (anziché la "
										+ "rendicontazione degli interventi come prevista da Unioncamere, da inviare "
										+ "entro gennaio 2019)"));
	}

	@Test
	void theIndicatorAddedByTheRevisionIsInItsObjectiveAndInTheProposalWithTheNewWeights() {
		ObjectiveSection vigilance = objective("2.2.1");

		assertThat(vigilance.indicators()).extracting(IndicatorRow::code, IndicatorRow::weight,
				IndicatorRow::revisedWeight, IndicatorRow::added)
				.containsExactly(tuple("1", "35,00%", "20,00%", false), tuple("2", "20,00%", "10,00%", false),
						tuple("3", "25,00%", null, false), tuple("4", "20,00%", null, false),
						tuple("5", "25,00%", null, true));
		assertThat(vigilance.proposals().get(0).rows()).extracting(ProposalRow::indicator,
				ProposalRow::forecastAtCheckpoint, ProposalRow::achieved, ProposalRow::previousForecast,
				ProposalRow::newForecast, ProposalRow::added)
				.containsExactly(tuple("5", ReportBuilder.NONE, ReportBuilder.NONE, ReportBuilder.NONE,
						"12 visite ispettive per controllo del prodotto", true));
		assertThat(vigilance.weightChanges()).extracting(w -> w.indicator(), w -> w.from(), w -> w.to())
				.containsExactly(tuple("1", "35,00%", "20,00%"), tuple("2", "20,00%", "10,00%"));
	}

	@Test
	void theManagerWeightTablesListEachManagersObjectivesWithWeightAndScore() {
		assertThat(june.managers()).extracting(ManagerTable::id, ManagerTable::total, ManagerTable::score)
				.containsExactly(tuple("ziletti", "100,00%", "50,00%"), tuple("dazzeo", "100,00%", "75,49%"),
						tuple("vairano", "100,00%", "100,00%"));
		ManagerTable dazzeo = june.managers().get(1);
		assertThat(dazzeo.role()).isEqualTo("Conservatore del Registro delle Imprese (Dirigente dell'Area Anagrafica)");
		assertThat(dazzeo.rows()).extracting(WeightRow::code, WeightRow::weight, WeightRow::score).containsExactly(
				tuple("2.1.1", "20,00%", "87,08%"), tuple("2.1.2", "30,00%", "80,08%"),
				tuple("2.1.3", "20,00%", "91,48%"), tuple("2.2.1", "30,00%", "52,50%"));
		assertThat(dazzeo.arithmetic())
				.isEqualTo("(20 · 87,08% + 30 · 80,08% + 20 · 91,48% + 30 · 52,50%) / 100 = 75,49%");
	}

	@Test
	void theTreeCarriesTheValuesOfTheAreasAndStrategicObjectives() {
		assertThat(june.entityValue()).isEqualTo("100");
		assertThat(june.tree()).extracting(a -> a.code(), a -> a.value()).containsExactly(tuple("1", "33,33"),
				tuple("2", "33,33"), tuple("3", "33,34"));
		assertThat(june.tree().get(1).strategicObjectives()).extracting(s -> s.code(), s -> s.value(),
				s -> s.score()).containsExactly(tuple("2.1", "23,33", "86,22%"), tuple("2.2", "10", "52,50%"));
	}

	@Test
	void everyIndicatorIsThereAndThoseWithoutAJuneResultAreNotDue() {
		List<IndicatorRow> rows = june.objectives().stream().flatMap(o -> o.indicators().stream()).toList();

		assertThat(june.objectives()).hasSize(11);
		assertThat(rows).hasSize(38);
		assertThat(rows).filteredOn(r -> r.result() == null).hasSize(7)
				.allSatisfy(r -> assertThat(r.resultKey()).isEqualTo("report.result.notDue"));
		assertThat(rows).filteredOn(r -> r.result() != null).hasSize(31);
	}

	@Test
	void resultsAndDeviationsAreWrittenInItalianWithTheOfficesOwnWordingWhenItSaysMore() {
		assertThat(row("2.1.1", "1")).extracting(IndicatorRow::result, IndicatorRow::deviation)
				.containsExactly("2.260 posizioni", "+1.760");
		assertThat(row("2.1.1", "2")).extracting(IndicatorRow::result, IndicatorRow::resultWording,
				IndicatorRow::deviation, IndicatorRow::deviationWording)
				.containsExactly("2.799 istanze · 3 riunioni", "Esame 2.799 posizioni e 3 riunioni",
						"-3.201 istanze · -3 riunioni", "- 3.201 posizioni e - 3 riunioni");
		assertThat(row("2.1.1", "3")).extracting(IndicatorRow::result, IndicatorRow::deviation)
				.containsExactly("82,70%", "+7,70%");
		assertThat(row("2.1.1", "5")).extracting(IndicatorRow::result, IndicatorRow::resultWording)
				.containsExactly("141 casistiche", "140 schede e 1 tabella (con 238 fattispecie)");
		assertThat(row("2.1.3", "3")).extracting(IndicatorRow::result, IndicatorRow::resultWording,
				IndicatorRow::deviation, IndicatorRow::deviationWording, IndicatorRow::achievement,
				IndicatorRow::arithmetic)
				.containsExactly("527 posizioni", null, "-73", null, "87,83%", "min(527 / 600, 1) = 87,83%");
		assertThat(row("2.2.1", "1")).extracting(IndicatorRow::result, IndicatorRow::deviation,
				IndicatorRow::deviationWording)
				.containsExactly("M1 (31/03/2018)", "M2 (Presentazione del monitoraggio alla data del 31 maggio)",
						"Non tenuta la presentazione in programma per il 31 maggio");
		// a step described in words, as the seed has it: no assessment, to be judged by the OIV
		assertThat(row("3.1.1", "1")).extracting(IndicatorRow::result, IndicatorRow::resultWording)
				.containsExactly("Approvazione regolamenti per la disciplina del telelavoro domiciliare e "
						+ "dello smart working avvenuta con delibera n. 70 del 26 giugno 2018", null);
		assertThat(row("1.1.1", "4")).extracting(IndicatorRow::result, IndicatorRow::resultWording,
				IndicatorRow::deviation).containsExactly("sì", null, "-");
	}

	@Test
	void theObjectiveScoreComesWithItsExplanation() {
		ObjectiveSection objective = objective("2.1.3");

		assertThat(objective.score()).isEqualTo("91,48%");
		assertThat(objective.coverage()).isEqualTo("100,00%");
		assertThat(objective.arithmetic()).isEqualTo("(20 · 100,00% + 10 · 100,00% + 70 · 87,83%) / 100 = 91,48%");
		assertThat(objective.budget()).extracting(b -> b.amount(), b -> b.account(), b -> b.budgetCode())
				.containsExactly(tuple("38.280,00 €", "325071", "C002"), tuple("42.700,00 €", "330004", "B002"));
		assertThat(objective.budgetTotal()).isEqualTo("80.980,00 €");
		assertThat(objective.evidence()).extracting(e -> e.indicator()).containsExactly("1", "2", "3");
	}

	@Test
	void theRevisionAfterTheCheckpointIsNamedWithItsAct() {
		assertThat(june.revisions()).singleElement().satisfies(revision -> {
			assertThat(revision.version()).isEqualTo(2);
			assertThat(revision.act()).isEqualTo(
					"Validazione dell'Organismo Indipendente di Valutazione (monitoraggio al 30/6/2018) n. da definire");
			assertThat(revision.actDate()).isEqualTo("17/09/2018");
			assertThat(revision.appliesTo()).containsExactly("31/12/2018");
			assertThat(revision.changes()).isEqualTo(15);
		});
	}

	@Test
	void withoutAClosingTheReportIsNotValidatedAndTheSignatureDateIsALine() {
		assertThat(june.validation().validated()).isFalse();
		assertThat(june.verdicts()).isFalse();
		assertThat(june.signatures()).extracting(s -> s.place(), s -> s.date(), s -> s.oiv(),
				s -> s.secretaryGeneral(), s -> s.president())
				.containsExactly("Brescia", ReportBuilder.BLANK, "Prof. Claudio Teodori", "Dr Massimo Ziletti",
						"Dr Giuseppe Ambrosi");
	}

	@Test
	void aPlanWithoutSignatoriesLeavesLinesToSignOn() {
		var plan = (tools.jackson.databind.node.ObjectNode) Seed.plan();
		plan.remove("signatories");

		var demo = DemoReport.inputs(plan, Optional.empty());
		// without the later version either: the demo's revision carries the signatories too
		var inputs = new ReportBuilder.Inputs(demo.planId(), demo.document(), demo.content(), List.of(), demo.results(),
				demo.closing());

		MonitoringReport report = DemoReport.report(inputs);

		assertThat(report.signatures()).extracting(s -> s.place(), s -> s.oiv(), s -> s.secretaryGeneral(),
				s -> s.president()).containsOnly(ReportBuilder.BLANK);
	}

	@Test
	void aClosingValidatesTheReportDatesTheSignatureAndGivesTheVerdicts() {
		var closing = new ReportCheckpointStatus.Closing(LocalDate.of(2018, 9, 17), 1, List.of(
				new ReportCheckpointStatus.Verdict("2.1.3", "3", "ADJUSTED", new BigDecimal("0.8"), "Dato parziale"),
				new ReportCheckpointStatus.Verdict("2.1.3", "1", "VALIDATED", null, null)));

		MonitoringReport report = DemoReport.report(DemoReport.inputs(DemoReport.planWithSignatories(),
				Optional.of(closing)));

		assertThat(report.validation()).isEqualTo(new MonitoringReport.Validation(true, "17/09/2018", 1));
		assertThat(report.verdicts()).isTrue();
		assertThat(report.signatures().date()).isEqualTo("17 settembre 2018");
		ObjectiveSection objective = report.objectives().stream().filter(o -> o.code().equals("2.1.3")).findFirst()
				.orElseThrow();
		assertThat(objective.indicators()).extracting(IndicatorRow::verdictKey, IndicatorRow::verdictNote)
				.containsExactly(tuple("report.verdict.VALIDATED", null), tuple(null, null),
						tuple("report.verdict.ADJUSTED", "80,00% — Dato parziale"));
	}

	@Test
	void theFileNameNamesThePlanAndTheCheckpoint() {
		assertThat(june.fileName()).isEqualTo("relazione-monitoraggio-cciaa-brescia-2018-2018-06-30");
		assertThat(ReportBuilder.fileName("Piano/2018 ü", "2018-06-30"))
				.isEqualTo("relazione-monitoraggio-piano-2018-2018-06-30");
	}

	private static ObjectiveSection objective(String code) {
		return june.objectives().stream().filter(o -> o.code().equals(code)).findFirst().orElseThrow();
	}

	private static IndicatorRow row(String objective, String indicator) {
		return objective(objective).indicators().stream().filter(i -> i.code().equals(indicator)).findFirst()
				.orElseThrow();
	}
}
