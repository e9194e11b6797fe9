package org.cicloperformance.reportingservice.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PayBand;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayLine;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayTable;

/**
 * The data "Amministrazione trasparente — Performance" publishes (D.Lgs. 33/2013 art. 20) from the FINAL pay
 * tables: the total of the premiums allocated and paid per fund, and their distribution by band in aggregate form.
 * Nobody may be identifiable: a band with fewer than {@code threshold} people shows neither its count nor its
 * amount, and when exactly one band is hidden a second one is hidden too, so that the hidden one cannot be read off
 * the total (our policy, docs/evaluation.md; the law asks for aggregate data, not for this method).
 */
public record Transparency(List<FundRow> amounts, List<BandRow> distribution, Degree differentiation, int threshold) {

	private static final MathContext PRECISION = MathContext.DECIMAL64;

	public record FundRow(String fund, String act, BigDecimal allocated, BigDecimal paid) {
	}

	/** A band's people and pay, both null when hidden. */
	public record BandRow(String band, Integer people, BigDecimal paid, boolean hidden) {
	}

	/**
	 * How selective the premiums were: the share of people with the differentiated pay and the ratio of the highest
	 * pay to the average; null when fewer than {@code threshold} people were paid (a ratio of two would name them).
	 */
	public record Degree(BigDecimal shareDifferentiated, BigDecimal highestToAverage) {
	}

	public static Transparency of(List<PayTable> tables, List<PayBand> bands, int threshold) {
		List<FundRow> amounts = tables.stream()
			.map(t -> new FundRow(t.fund().name(), t.fund().act(), t.fund().amount(), t.paid()))
			.toList();
		Map<String, int[]> people = new LinkedHashMap<>();
		Map<String, BigDecimal> paid = new LinkedHashMap<>();
		bands.forEach(b -> {
			people.put(b.code(), new int[1]);
			paid.put(b.code(), BigDecimal.ZERO);
		});
		List<PayLine> lines = tables.isEmpty() ? List.of() : tables.get(0).lines();
		Map<String, BigDecimal> perPerson = new LinkedHashMap<>();
		for (PayTable table : tables) {
			for (PayLine line : table.lines()) {
				paid.merge(line.band(), line.amount(), BigDecimal::add);
				perPerson.merge(line.managerId(), line.amount(), BigDecimal::add);
			}
		}
		lines.forEach(l -> people.get(l.band())[0]++);
		int everybody = lines.size();
		List<BandRow> rows = new ArrayList<>();
		for (PayBand band : bands) {
			int n = people.get(band.code())[0];
			boolean hidden = everybody < threshold || (n > 0 && n < threshold);
			rows.add(new BandRow(band.code(), n, paid.get(band.code()), hidden));
		}
		if (rows.stream().filter(BandRow::hidden).count() == 1) {
			// one hidden cell could be read off the total: hide the smallest other non-empty one too
			rows.stream().filter(r -> !r.hidden() && r.people() > 0).min(Comparator.comparingInt(BandRow::people))
				.ifPresent(r -> rows.set(rows.indexOf(r), new BandRow(r.band(), r.people(), r.paid(), true)));
		}
		rows.replaceAll(r -> r.hidden() ? new BandRow(r.band(), null, null, true) : r);
		Degree degree = null;
		if (everybody >= threshold && !perPerson.isEmpty()) {
			BigDecimal total = perPerson.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			BigDecimal average = total.divide(BigDecimal.valueOf(perPerson.size()), PRECISION);
			BigDecimal highest = perPerson.values().stream().max(Comparator.naturalOrder()).orElseThrow();
			long differentiated = lines.stream().filter(PayLine::differentiated).count();
			degree = new Degree(BigDecimal.valueOf(differentiated).divide(BigDecimal.valueOf(everybody), PRECISION)
				.setScale(4, RoundingMode.HALF_UP),
					average.signum() == 0 ? null : highest.divide(average, PRECISION).setScale(4, RoundingMode.HALF_UP));
		}
		return new Transparency(amounts, List.copyOf(rows), degree, threshold);
	}
}
