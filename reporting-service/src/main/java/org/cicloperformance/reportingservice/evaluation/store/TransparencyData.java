package org.cicloperformance.reportingservice.evaluation.store;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PayBand;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayTable;
import org.cicloperformance.reportingservice.evaluation.Transparency;
import org.cicloperformance.reportingservice.evaluation.store.FundDocument.Recipients;
import org.cicloperformance.reportingservice.evaluation.store.PayTables.FundPay;
import org.cicloperformance.reportingservice.evaluation.store.PayTables.PayReport;
import org.springframework.stereotype.Service;

/**
 * "Amministrazione trasparente — Performance" (D.Lgs. 33/2013 art. 20) from the FINAL schede: the total of the
 * premiums allocated and paid per fund, and the managers' distribution by band with the degree of differentiation,
 * with {@link Transparency}'s suppression of small groups (nobody identifiable). Every column has a description.
 */
@Service
public class TransparencyData {

	private final PayTables pay;

	private final Policies policies;

	TransparencyData(PayTables pay, Policies policies) {
		this.pay = pay;
		this.policies = policies;
	}

	public record Column(String name, String description) {
	}

	/** A fund: allocated, and paid (null for the staff's funds, split by the staff's evaluation outside here). */
	public record AmountRow(String fund, String recipients, String act, BigDecimal allocated, BigDecimal paid) {
	}

	public record BandRow(String band, BigDecimal from, BigDecimal to, BigDecimal share, Integer people,
			BigDecimal paid, boolean hidden) {
	}

	public record View(String planId, int threshold, int managersEvaluated, List<AmountRow> amounts,
			List<Column> amountColumns, List<BandRow> distribution, List<Column> distributionColumns,
			Transparency.Degree differentiation, List<Column> differentiationColumns, String note) {
	}

	static final List<Column> AMOUNT_COLUMNS = List.of(
			new Column("fondo", "Nome del fondo (risorse per la retribuzione di risultato o incentivo di progetto)"),
			new Column("destinatari", "DIRIGENTI o PERSONALE"),
			new Column("atto", "Atto che ha costituito il fondo"),
			new Column("importo_stanziato_euro", "Ammontare complessivo dei premi stanziati, in euro"),
			new Column("importo_distribuito_euro",
					"Ammontare dei premi effettivamente distribuiti, in euro (vuoto: ripartito dalla valutazione del personale, fuori da questo sistema)"));

	static final List<Column> DISTRIBUTION_COLUMNS = List.of(
			new Column("fascia", "Fascia di valutazione della politica di valutazione"),
			new Column("da_percentuale", "Punteggio totale minimo della fascia (incluso)"),
			new Column("a_percentuale", "Punteggio totale massimo della fascia (escluso; vuoto: nessun limite)"),
			new Column("quota_percentuale", "Quota della retribuzione di risultato riconosciuta nella fascia"),
			new Column("dirigenti", "Numero di dirigenti nella fascia (vuoto se oscurato: gruppo sotto la soglia)"),
			new Column("importo_distribuito_euro", "Premi distribuiti ai dirigenti della fascia, in euro (vuoto se oscurato)"));

	static final List<Column> DEGREE_COLUMNS = List.of(
			new Column("quota_con_maggiorazione",
					"Quota dei dirigenti valutati che ha avuto la retribuzione differenziata (CCNL 17/12/2020 art. 30)"),
			new Column("rapporto_massimo_medio", "Premio più alto diviso il premio medio pro capite"));

	public View view(String planId) {
		PayReport report = pay.report(planId);
		List<PayTable> tables = report.funds().stream().map(FundPay::table).filter(Objects::nonNull).toList();
		List<PayBand> bands = pay.policy(planId).policy().payBands();
		int threshold = policies.transparencyThreshold();
		Transparency t = Transparency.of(tables, bands, threshold);
		List<AmountRow> amounts = new ArrayList<>();
		for (FundPay p : report.funds()) {
			boolean managers = p.fund().recipients() == Recipients.MANAGERS;
			amounts.add(new AmountRow(p.fund().name(), managers ? "DIRIGENTI" : "PERSONALE", p.fund().act(),
					p.fund().amount(), managers ? (p.table() == null ? BigDecimal.ZERO : p.table().paid()) : null));
		}
		List<BandRow> distribution = new ArrayList<>();
		for (int i = 0; i < bands.size(); i++) {
			PayBand b = bands.get(i);
			Transparency.BandRow r = t.distribution().get(i);
			distribution.add(new BandRow(b.code(), b.from(), b.to(), b.share(), r.people(), r.paid(), r.hidden()));
		}
		String note = "Dati aggregati dalle schede di valutazione definitive (FINAL). Le fasce con meno di " + threshold
				+ " dirigenti sono oscurate, e con esse la più piccola delle altre quando una sola lo sarebbe, perché "
				+ "nessuno sia identificabile; con meno di " + threshold + " dirigenti valutati si pubblicano solo i "
				+ "totali per fondo.";
		return new View(planId, threshold, report.evaluated().size(), amounts, AMOUNT_COLUMNS, distribution,
				DISTRIBUTION_COLUMNS, t.differentiation(), DEGREE_COLUMNS, note);
	}

	public static String amountsCsv(View v) {
		List<List<String>> rows = v.amounts().stream().map(a -> List.of(EvaluationCsv.text(a.fund()), a.recipients(),
				EvaluationCsv.text(a.act()), EvaluationCsv.euros(a.allocated()), EvaluationCsv.euros(a.paid())))
			.toList();
		return EvaluationCsv.write(AMOUNT_COLUMNS.stream().map(Column::name).toList(), rows);
	}

	public static String distributionCsv(View v) {
		List<List<String>> rows = v.distribution().stream().map(b -> List.of(b.band(),
				EvaluationCsv.percent(b.from()), EvaluationCsv.percent(b.to()), EvaluationCsv.percent(b.share()),
				b.people() == null ? "" : String.valueOf(b.people()), EvaluationCsv.euros(b.paid()))).toList();
		return EvaluationCsv.write(DISTRIBUTION_COLUMNS.stream().map(Column::name).toList(), rows);
	}

	public static String differentiationCsv(View v) {
		Transparency.Degree d = v.differentiation();
		List<List<String>> rows = d == null ? List.of() : List.of(List.of(EvaluationCsv.percent(d.shareDifferentiated()),
				d.highestToAverage() == null ? "" : d.highestToAverage().toPlainString().replace('.', ',')));
		return EvaluationCsv.write(DEGREE_COLUMNS.stream().map(Column::name).toList(), rows);
	}
}
