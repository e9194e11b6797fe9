package org.cicloperformance.reportingservice.hr;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.scoring.Incentives.FundEarning;

/**
 * The HR feed as CSV for Italian spreadsheets: UTF-8 with a byte-order mark, {@code ;} separator, decimal comma,
 * no thousands separator, CRLF line ends. The format is documented in {@code docs/hr-feed.md}.
 */
final class HrFeedCsv {

	static final String BOM = "\uFEFF";

	static final List<String> HEADER = List.of("tipo_riga", "piano", "verifica", "stato", "id_dirigente", "dirigente",
			"area_organizzativa", "nome_area_organizzativa", "punteggio_percentuale", "copertura_percentuale", "fascia",
			"percentuale_erogazione", "versione_politica", "versione_piano", "calcolato_il", "obiettivo", "fondo",
			"importo_euro", "importo_maturato_euro");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss")
			.withZone(ZoneId.of("Europe/Rome"));

	private HrFeedCsv() {
	}

	static String write(HrFeed feed) {
		StringBuilder csv = new StringBuilder(BOM);
		line(csv, HEADER);
		for (HrFeed.Row row : feed.rows()) {
			List<String> common = List.of(feed.planId(), feed.checkpoint(), row.status(), row.managerId(),
					row.managerName(), row.organisationalArea(), nullToEmpty(row.organisationalAreaName()));
			List<String> manager = new ArrayList<>();
			manager.add("DIRIGENTE");
			manager.addAll(common);
			manager.addAll(List.of(percent(row.score()), percent(row.coverage()), nullToEmpty(row.band()),
					percent(row.payoutPercentage()), String.valueOf(row.policyVersion()),
					String.valueOf(row.planVersion()), TIMESTAMP.format(row.computedAt()), "", "", "", ""));
			line(csv, manager);
			for (HrFeed.IncentiveEarning incentive : row.incentives()) {
				for (FundEarning fund : incentive.funds()) {
					List<String> earning = new ArrayList<>();
					earning.add("INCENTIVO");
					earning.addAll(common);
					earning.addAll(List.of(percent(incentive.objectiveScore()), percent(incentive.coverage()),
							nullToEmpty(incentive.band()), percent(incentive.payoutPercentage()),
							String.valueOf(row.policyVersion()), String.valueOf(row.planVersion()),
							TIMESTAMP.format(row.computedAt()), incentive.objective(), fund.fund(), euros(fund.amount()),
							euros(fund.earned())));
					line(csv, earning);
				}
			}
		}
		return csv.toString();
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

	private static void line(StringBuilder csv, List<String> fields) {
		csv.append(fields.stream().map(HrFeedCsv::quoted).collect(Collectors.joining(";"))).append("\r\n");
	}

	private static String quoted(String field) {
		if (field.contains(";") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
			return "\"" + field.replace("\"", "\"\"") + "\"";
		}
		return field;
	}

	private static String nullToEmpty(String value) {
		return value == null ? "" : value;
	}
}
