package org.cicloperformance.reportingservice.evaluation.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayLine;
import org.cicloperformance.reportingservice.evaluation.store.PayTables.FundPay;
import org.cicloperformance.reportingservice.evaluation.store.PayTables.PayReport;

/**
 * Evaluation data as CSV for Italian spreadsheets, the HR feed's conventions (docs/hr-feed.md): UTF-8 with a
 * byte-order mark, {@code ;}, decimal comma, CRLF; a text cell a spreadsheet would read as a formula gets a leading
 * apostrophe.
 */
public final class EvaluationCsv {

	static final List<String> PAY_HEADER = List.of("tipo_riga", "piano", "fondo", "destinatari", "atto",
			"importo_fondo_euro", "id_dirigente", "dirigente", "punteggio_totale_percentuale", "fascia",
			"quota_percentuale", "maggiorazione", "importo_euro", "calcolo");

	private EvaluationCsv() {
	}

	public static String pay(PayReport report, List<SchedaDocument> finals) {
		Map<String, String> names = finals.stream()
			.collect(Collectors.toMap(SchedaDocument::managerId, SchedaDocument::managerName, (a, b) -> b));
		List<List<String>> rows = new ArrayList<>();
		for (FundPay pay : report.funds()) {
			var f = pay.fund();
			List<String> fund = List.of(report.planId(), f.name(), f.recipients().name(), f.act(), euros(f.amount()));
			if (pay.table() == null) {
				rows.add(row("FONDO", fund, "", "", "", "", "", "", euros(null), ""));
				continue;
			}
			for (PayLine l : pay.table().lines()) {
				rows.add(row("DIRIGENTE", fund, l.managerId(), names.getOrDefault(l.managerId(), ""),
						percent(l.total()), l.band(), percent(l.share()), l.differentiated() ? "sì" : "no",
						euros(l.amount()), l.arithmetic()));
			}
			var check = pay.table().check();
			rows.add(row("VERIFICA_DIFFERENZIAZIONE", fund, "", "", "", "", "", check.holds() ? "rispettata"
					: "non rispettata", euros(pay.table().paid()), check.explanation()));
		}
		return write(PAY_HEADER, rows);
	}

	static String write(List<String> header, List<List<String>> rows) {
		StringBuilder csv = new StringBuilder("\uFEFF");
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(';').setRecordSeparator("\r\n")
			.setQuoteMode(QuoteMode.MINIMAL).setHeader(header.toArray(String[]::new)).get();
		try (CSVPrinter printer = format.print(csv)) {
			for (List<String> row : rows) {
				printer.printRecord(row);
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return csv.toString();
	}

	private static List<String> row(String type, List<String> fund, String... cells) {
		List<String> out = new ArrayList<>();
		out.add(type);
		fund.forEach(c -> out.add(text(c)));
		for (String c : cells) {
			out.add(text(c));
		}
		return out;
	}

	static String euros(BigDecimal amount) {
		return amount == null ? "" : amount.setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

	static String percent(BigDecimal fraction) {
		return fraction == null ? ""
				: fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString().replace('.', ',');
	}

	/** Numbers formatted here cannot start a formula except with "-"; other text is escaped. */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		char c = value.charAt(0);
		boolean formula = c == '=' || c == '+' || c == '@' || c == '\t' || c == '\r'
				|| (c == '-' && !value.matches("-[0-9]+(,[0-9]+)?"));
		return formula ? "'" + value : value;
	}
}
