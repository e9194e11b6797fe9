package org.cicloperformance.reportingservice.hr;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Incentives.FundEarning;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** CSV formula injection: text from the plan is never something a spreadsheet evaluates; numbers stay numbers. */
class HrFeedCsvTest {

	@ParameterizedTest(name = "[{0}] → [{1}]")
	@CsvSource(delimiter = '|', quoteCharacter = '"', value = { "=HYPERLINK(\"http://x\")|'=HYPERLINK(\"http://x\")",
			"+39 030 1234|'+39 030 1234", "-3,20|'-3,20", "@SUM(A1:A9)|'@SUM(A1:A9)",
			"dr Antonio d'Azzeo|dr Antonio d'Azzeo",
			"Area = Anagrafica|Area = Anagrafica", "2.2.1|2.2.1" })
	void aTextCellThatWouldBeAFormulaStartsWithAnApostrophe(String text, String cell) {
		assertThat(HrFeedCsv.text(text)).isEqualTo(cell);
	}

	@Test
	void tabsAndCarriageReturnsAtTheStartAreNeutralisedToo() {
		assertThat(HrFeedCsv.text("\t=1+1")).isEqualTo("'\t=1+1");
		assertThat(HrFeedCsv.text("\r=1+1")).isEqualTo("'\r=1+1");
		assertThat(HrFeedCsv.text(null)).isEmpty();
	}

	@Test
	void theFeedNeutralisesTextFromThePlanButKeepsNegativeNumbersAsNumbers() {
		HrFeed.Row row = new HrFeed.Row("=cmd|' /C calc'!A0", "@Rossi", "+AMM", "-Area; \"speciale\"",
				new BigDecimal("-0.032"), new BigDecimal("0.5"), "=BAND", new BigDecimal("-0.032"), "arithmetic", 1, 2,
				Instant.parse("2018-07-10T08:00:00Z"), "PROVISIONAL",
				List.of(new HrFeed.IncentiveEarning("-1.1", "title", new BigDecimal("0.5"), BigDecimal.ONE, "FULL",
						BigDecimal.ONE, BigDecimal.ONE, List.of(new FundEarning("=Fondo", new BigDecimal("-15205"),
								new BigDecimal("-7982.63"), "x")))));
		HrFeed feed = new HrFeed("piano-1", "2018-06-30", "30/6", "PROVISIONAL", 2, 1,
				Instant.parse("2018-07-10T08:00:00Z"), List.of(row));

		String[] lines = HrFeedCsv.write(feed).split("\r\n");

		assertThat(lines[1]).isEqualTo("DIRIGENTE;piano-1;2018-06-30;PROVISIONAL;'=cmd|' /C calc'!A0;'@Rossi;'+AMM;"
				+ "\"'-Area; \"\"speciale\"\"\";-3,20;50,00;'=BAND;-3,20;1;2;10/07/2018 10:00:00;;;;;;NO;;;;;;;;;;;;;;;");
		assertThat(lines[2]).endsWith(";'-1.1;'=Fondo;-15205,00;-7982,63;;NO;;;;;;;;;;;;;;;");
	}

	@Test
	void aFinalFeedNamesItsClosingAndWhetherIncentivesArePaidOnIt() {
		HrFeed.Row row = new HrFeed.Row("dazzeo", "dr Antonio d'Azzeo", "ANA", "Area Anagrafica",
				new BigDecimal("0.8"), BigDecimal.ONE, "PROPORTIONAL", new BigDecimal("0.8"), "x", 1, 2,
				Instant.parse("2019-03-15T09:00:00Z"), "FINAL", List.of());
		HrFeed payable = new HrFeed("piano-1", "2018-12-31", "31/12", "FINAL", 2, 1,
				Instant.parse("2019-03-15T09:00:00Z"), List.of(row), 2, true);
		HrFeed intermediate = new HrFeed("piano-1", "2018-06-30", "30/6", "FINAL", 2, 1,
				Instant.parse("2019-03-15T09:00:00Z"), List.of(row), 1, false);

		String[] lines = HrFeedCsv.write(payable).split("\r\n");

		assertThat(lines[0]).contains(";importo_maturato_euro;chiusura;erogabile;");
		assertThat(lines[1]).startsWith("DIRIGENTE;piano-1;2018-12-31;FINAL;dazzeo;").endsWith(";;;;;2;SI;;;;;;;;;;;;;;;");
		assertThat(HrFeedCsv.write(intermediate).split("\r\n")[1]).endsWith(";;;;;1;NO;;;;;;;;;;;;;;;");
	}

	@Test
	void theEvaluationColumnsComeAfterTheOldOnesSoThatAReaderByPositionKeepsWorking() {
		List<String> header = List.of(HrFeedCsv.write(new HrFeed("p", "c", "c", "FINAL", 1, 1, Instant.EPOCH,
				List.of())).substring(1).split("\r\n")[0].split(";"));

		assertThat(header.subList(0, 21)).containsExactly("tipo_riga", "piano", "verifica", "stato", "id_dirigente",
				"dirigente", "area_organizzativa", "nome_area_organizzativa", "punteggio_percentuale",
				"copertura_percentuale", "fascia", "percentuale_erogazione", "versione_politica", "versione_piano",
				"calcolato_il", "obiettivo", "fondo", "importo_euro", "importo_maturato_euro", "chiusura", "erogabile");
		assertThat(header.subList(21, header.size())).containsExactly("versione_scheda", "stato_scheda",
				"scheda_obiettivi_propri_percentuale", "scheda_performance_ente_percentuale",
				"scheda_comportamenti_percentuale", "scheda_totale_percentuale", "scheda_fascia",
				"scheda_quota_percentuale", "fondo_risultato", "importo_fondo_risultato_euro", "atto_fondo_risultato",
				"data_atto_fondo_risultato", "quota_risultato_percentuale", "differenziata",
				"retribuzione_risultato_euro");
	}

	@Test
	void aFinalSchedaFillsTheEvaluationColumnsAndEachFundOfResultPayHasItsRow() {
		HrFeed.Evaluation scheda = new HrFeed.Evaluation(2, "FINAL", "DIRIGENTE", "2018-12-31", 1,
				new BigDecimal("0.94"), new BigDecimal("0.88"), BigDecimal.ONE, new BigDecimal("0.952"), "ECCELLENTE",
				BigDecimal.ONE, "x", Instant.parse("2019-04-12T10:00:00Z"));
		HrFeed.ResultPayShare pay = new HrFeed.ResultPayShare("incentivo-2.2.1-managers", "=Fondo Dirigenti", 2,
				new BigDecimal("15205"), "Determina 12/2019", java.time.LocalDate.of(2019, 4, 1), BigDecimal.ONE, true,
				new BigDecimal("9883.25"), "y");
		HrFeed.Row row = new HrFeed.Row("vairano", "dr.ssa Antonella Vairano", "PRM", "Area PRM",
				new BigDecimal("0.94"), BigDecimal.ONE, "FULL", BigDecimal.ONE, "x", 1, 2,
				Instant.parse("2019-03-15T09:00:00Z"), "FINAL", List.of(), scheda, List.of(pay));
		HrFeed feed = new HrFeed("piano-1", "2018-12-31", "31/12", "FINAL", 2, 1,
				Instant.parse("2019-03-15T09:00:00Z"), List.of(row), 1, true);

		String[] lines = HrFeedCsv.write(feed).split("\r\n");

		assertThat(lines).hasSize(3);
		assertThat(lines[1]).startsWith("DIRIGENTE;piano-1;2018-12-31;FINAL;vairano;")
			.endsWith(";1;SI;2;FINAL;94,00;88,00;100,00;95,20;ECCELLENTE;100,00;;;;;;;");
		assertThat(lines[2]).isEqualTo("RISULTATO;piano-1;2018-12-31;FINAL;vairano;dr.ssa Antonella Vairano;PRM;"
				+ "Area PRM;;;;;1;2;15/03/2019 10:00:00;;incentivo-2.2.1-managers;;;1;SI;2;FINAL;94,00;88,00;100,00;"
				+ "95,20;ECCELLENTE;100,00;'=Fondo Dirigenti;15205,00;Determina 12/2019;01/04/2019;100,00;SI;9883,25");
		assertThat(lines[1].split(";", -1)).hasSize(HrFeedCsv.HEADER.size());
		assertThat(lines[2].split(";", -1)).hasSize(HrFeedCsv.HEADER.size());
	}
}
