package org.cicloperformance.reportingservice.hr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.cicloperformance.reportingservice.engine.Incentives.FundEarning;

/**
 * The HR feed as CSV for Italian spreadsheets: UTF-8 with a byte-order mark, {@code ;} separator, decimal comma,
 * no thousands separator, CRLF line ends, written by Apache Commons CSV (quotes only where a cell needs them). The
 * format is documented in {@code docs/hr-feed.md}.
 *
 * <p>
 * Text cells come from the plan (names of managers, areas, funds, codes): one that a spreadsheet would read as a
 * formula (it starts with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return) is written with a
 * leading apostrophe, which spreadsheets show as text. Numeric cells are the service's own formatting of numbers
 * ({@code -3,20}, {@code 15205,00}): they cannot hold a formula and stay as they are, so that a spreadsheet still
 * reads them as numbers.
 */
public final class HrFeedCsv {

	static final String BOM = "\uFEFF";

	static final List<String> HEADER = List.of("tipo_riga", "piano", "verifica", "stato", "id_dirigente", "dirigente",
			"area_organizzativa", "nome_area_organizzativa", "punteggio_percentuale", "copertura_percentuale", "fascia",
			"percentuale_erogazione", "versione_politica", "versione_piano", "calcolato_il", "obiettivo", "fondo",
			"importo_euro", "importo_maturato_euro", "chiusura", "erogabile",
			// since the individual evaluation: at the end, so that a spreadsheet reading by position keeps working
			"versione_scheda", "stato_scheda", "scheda_obiettivi_propri_percentuale",
			"scheda_performance_ente_percentuale", "scheda_comportamenti_percentuale", "scheda_totale_percentuale",
			"scheda_fascia", "scheda_quota_percentuale", "fondo_risultato", "importo_fondo_risultato_euro",
			"atto_fondo_risultato", "data_atto_fondo_risultato", "quota_risultato_percentuale", "differenziata",
			"retribuzione_risultato_euro");

	/** The new columns of a row with no scheda or no result pay. */
	private static final List<String> NO_EVALUATION = Collections.nCopies(8, "");

	private static final List<String> NO_PAY = Collections.nCopies(7, "");

	/** RFC 4180 with {@code ;}: what Excel and LibreOffice read by default in an Italian locale. */
	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
			.setQuoteMode(QuoteMode.MINIMAL).setHeader(HEADER.toArray(String[]::new)).get();

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
			.withZone(ZoneId.of("Europe/Rome"));

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private HrFeedCsv() {
	}

	/** The whole feed as CSV text, byte-order mark first. */
	public static String write(HrFeed feed) {
		StringBuilder csv = new StringBuilder(BOM);
		try (CSVPrinter printer = FORMAT.print(csv)) {
			write(feed, printer);
		}
		catch (IOException e) {
			// a StringBuilder does not fail
			throw new UncheckedIOException(e);
		}
		return csv.toString();
	}

	private static void write(HrFeed feed, CSVPrinter csv) throws IOException {
		List<String> closing = List.of(feed.closing() == null ? "" : String.valueOf(feed.closing()),
				feed.payable() ? "SI" : "NO");
		for (HrFeed.Row row : feed.rows()) {
			List<String> common = List.of(text(feed.planId()), text(feed.checkpoint()), text(row.status()),
					text(row.managerId()), text(row.managerName()), text(row.organisationalArea()),
					text(row.organisationalAreaName()));
			List<String> manager = new ArrayList<>();
			manager.add("DIRIGENTE");
			manager.addAll(common);
			manager.addAll(List.of(percent(row.score()), percent(row.coverage()), text(row.band()),
					percent(row.payoutPercentage()), String.valueOf(row.policyVersion()),
					String.valueOf(row.planVersion()), TIMESTAMP.format(row.computedAt()), "", "", "", ""));
			manager.addAll(closing);
			List<String> evaluation = evaluation(row.evaluation());
			manager.addAll(evaluation);
			manager.addAll(NO_PAY);
			csv.printRecord(manager);
			for (HrFeed.IncentiveEarning incentive : row.incentives()) {
				for (FundEarning fund : incentive.funds()) {
					List<String> earning = new ArrayList<>();
					earning.add("INCENTIVO");
					earning.addAll(common);
					earning.addAll(List.of(percent(incentive.objectiveScore()), percent(incentive.coverage()),
							text(incentive.band()), percent(incentive.payoutPercentage()),
							String.valueOf(row.policyVersion()), String.valueOf(row.planVersion()),
							TIMESTAMP.format(row.computedAt()), text(incentive.objective()), text(fund.fund()),
							euros(fund.amount()),
							euros(fund.earned())));
					earning.addAll(closing);
					earning.addAll(NO_EVALUATION);
					earning.addAll(NO_PAY);
					csv.printRecord(earning);
				}
			}
			for (HrFeed.ResultPayShare pay : row.resultPay() == null ? List.<HrFeed.ResultPayShare>of()
					: row.resultPay()) {
				List<String> result = new ArrayList<>();
				result.add("RISULTATO");
				result.addAll(common);
				result.addAll(List.of("", "", "", "", String.valueOf(row.policyVersion()),
						String.valueOf(row.planVersion()), TIMESTAMP.format(row.computedAt()), "", text(pay.fund()),
						"", ""));
				result.addAll(closing);
				result.addAll(evaluation);
				result.addAll(List.of(text(pay.fundName()), euros(pay.fundAmount()), text(pay.act()),
						pay.actDate() == null ? "" : DATE.format(pay.actDate()), percent(pay.share()),
						pay.differentiated() ? "SI" : "NO", euros(pay.amount())));
				csv.printRecord(result);
			}
		}
	}

	private static List<String> evaluation(HrFeed.Evaluation scheda) {
		if (scheda == null) {
			return NO_EVALUATION;
		}
		return List.of(String.valueOf(scheda.version()), text(scheda.state()), percent(scheda.ownObjectives()),
				percent(scheda.entityPerformance()), percent(scheda.behaviours()), percent(scheda.total()),
				text(scheda.band()), percent(scheda.share()));
	}

	/** A fraction as percentage points with two decimals: 0.914833 → "91,48". */
	static String percent(BigDecimal fraction) {
		return fraction == null ? "" : decimalComma(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
	}

	static String euros(BigDecimal amount) {
		return amount == null ? "" : decimalComma(amount.setScale(2, RoundingMode.HALF_UP));
	}

	private static String decimalComma(BigDecimal value) {
		return value.toPlainString().replace('.', ',');
	}

	/**
	 * A text cell: empty for null, and never something a spreadsheet would evaluate (CSV formula injection). The
	 * apostrophe is added before quoting, so a quoted cell starts with it too.
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char first = value.charAt(0);
		boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t'
				|| first == '\r';
		return formula ? "'" + value : value;
	}
}
