package org.cicloperformance.reportingservice.evaluation;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Differentiation;
import org.cicloperformance.reportingservice.format.Formats;

/**
 * Splits a fund of result pay among the managers evaluated, to the euro cent, and checks the contract's
 * differentiation rule. Our policy (docs/evaluation.md), not the contract's text:
 * <ol>
 * <li>the managers with the highest totals and a pay share above zero, at most {@code max(1, floor(quota × N))},
 * get the differentiated pay {@code (1 + premium) × fund / N × share}, rounded up to the cent; when a tie at the cut-off would exceed the
 * quota, none of the tied managers gets it;</li>
 * <li>what remains is split among the others in proportion to their pay share (so the whole fund is paid when
 * anybody earns a share), or, when there are no others, among the differentiated in proportion to their pay;</li>
 * <li>amounts are cut to the cent and the cents left over go one each to the largest remainders (ties: higher total
 * first, then manager id), so that the sum is the fund exactly.</li>
 * </ol>
 */
public final class ResultPay {

	private static final MathContext PRECISION = MathContext.DECIMAL128;

	private static final BigDecimal CENT = new BigDecimal("0.01");

	private ResultPay() {
	}

	/** A fund of the year: its name, amount and the act that set it. */
	public record Fund(String name, BigDecimal amount, String act) {
	}

	public record PayLine(String managerId, BigDecimal total, String band, BigDecimal share, boolean differentiated,
			BigDecimal exact, BigDecimal amount, String arithmetic) {
	}

	/** Whether the rule holds: each differentiated pay at least (1 + premium) × the average per head. */
	public record DifferentiationCheck(BigDecimal requiredPremium, int maxManagers, int differentiatedManagers,
			BigDecimal lowestPremium, boolean holds, String explanation) {
	}

	public record PayTable(Fund fund, BigDecimal averagePerHead, List<PayLine> lines, BigDecimal paid, BigDecimal unpaid,
			DifferentiationCheck check) {
	}

	public static PayTable allocate(Fund fund, List<Scheda> schede, Differentiation rule) {
		if (schede.isEmpty()) {
			throw new IllegalArgumentException("no scheda to pay");
		}
		Formats f = Formats.italian();
		int n = schede.size();
		BigDecimal average = fund.amount().divide(BigDecimal.valueOf(n), PRECISION);
		int maxManagers = rule.quota().signum() == 0 ? 0
				: Math.max(1, rule.quota().multiply(BigDecimal.valueOf(n)).setScale(0, RoundingMode.FLOOR).intValue());
		Set<String> differentiated = differentiated(schede, maxManagers);
		BigDecimal factor = BigDecimal.ONE.add(rule.premium());

		List<BigDecimal> exact = new ArrayList<>();
		List<String> texts = new ArrayList<>();
		BigDecimal committed = BigDecimal.ZERO;
		for (Scheda s : schede) {
			// up to the cent, so that the rule holds to the cent
			BigDecimal target = differentiated.contains(s.managerId())
					? factor.multiply(average).multiply(s.band().share()).setScale(2, RoundingMode.CEILING)
					: BigDecimal.ZERO;
			committed = committed.add(target);
			exact.add(target);
			texts.add(differentiated.contains(s.managerId()) ? f.euros(fund.amount()) + " ÷ " + n + " = "
					+ f.euros(scaled(average)) + " media pro capite × " + f.number(factor) + " × "
					+ f.percent(s.band().share()) : null);
		}
		if (committed.compareTo(fund.amount()) > 0) {
			// too many differentiated for the fund: scale them down; the check below says the rule fails
			BigDecimal scale = fund.amount().divide(committed, PRECISION);
			exact.replaceAll(x -> x.multiply(scale, PRECISION));
			committed = fund.amount();
		}
		BigDecimal remainder = fund.amount().subtract(committed);
		BigDecimal othersShares = BigDecimal.ZERO;
		for (Scheda s : schede) {
			if (!differentiated.contains(s.managerId())) {
				othersShares = othersShares.add(s.band().share());
			}
		}
		for (int i = 0; i < n; i++) {
			Scheda s = schede.get(i);
			if (!differentiated.contains(s.managerId()) && othersShares.signum() > 0) {
				exact.set(i, remainder.multiply(s.band().share()).divide(othersShares, PRECISION));
				texts.set(i, f.euros(scaled(remainder)) + " restanti × " + f.percent(s.band().share()) + " ÷ "
						+ f.percent(othersShares) + " (somma delle quote degli altri)");
			}
			else if (!differentiated.contains(s.managerId())) {
				texts.set(i, f.percent(s.band().share()) + " della retribuzione di risultato");
			}
		}
		if (othersShares.signum() == 0 && committed.signum() > 0 && remainder.signum() > 0) {
			BigDecimal spread = remainder;
			BigDecimal base = committed;
			for (int i = 0; i < n; i++) {
				if (differentiated.contains(schede.get(i).managerId())) {
					BigDecimal extra = spread.multiply(exact.get(i)).divide(base, PRECISION);
					exact.set(i, exact.get(i).add(extra));
					texts.set(i, texts.get(i) + " + " + f.euros(scaled(extra)) + " non assegnati ad altri");
				}
			}
		}
		List<BigDecimal> cents = toCents(schede, exact);
		List<PayLine> lines = new ArrayList<>();
		BigDecimal paid = BigDecimal.ZERO;
		for (int i = 0; i < n; i++) {
			Scheda s = schede.get(i);
			BigDecimal amount = cents.get(i);
			paid = paid.add(amount);
			BigDecimal cut = exact.get(i).setScale(2, RoundingMode.DOWN);
			String rounding = amount.compareTo(cut) > 0 ? " (+0,01 € di arrotondamento: resto maggiore)" : "";
			lines.add(new PayLine(s.managerId(), s.total(), s.band().code(), s.band().share(),
					differentiated.contains(s.managerId()), exact.get(i), amount,
					texts.get(i) + " = " + f.euros(amount) + rounding));
		}
		return new PayTable(fund, scaled(average), List.copyOf(lines), paid, fund.amount().subtract(paid),
				check(rule, average, lines, maxManagers, f));
	}

	private static Set<String> differentiated(List<Scheda> schede, int maxManagers) {
		List<Scheda> ranked = schede.stream().filter(s -> s.band().share().signum() > 0)
			.sorted(Comparator.comparing(Scheda::total).reversed()).toList();
		Set<String> out = new LinkedHashSet<>();
		int i = 0;
		while (i < ranked.size()) {
			BigDecimal total = ranked.get(i).total();
			int j = i;
			while (j < ranked.size() && ranked.get(j).total().compareTo(total) == 0) {
				j++;
			}
			if (out.size() + (j - i) > maxManagers) {
				break;
			}
			ranked.subList(i, j).forEach(s -> out.add(s.managerId()));
			i = j;
		}
		return out;
	}

	/** Cut to the cent, the cents left over to the largest remainders (then higher total, then id). */
	private static List<BigDecimal> toCents(List<Scheda> schede, List<BigDecimal> exact) {
		List<BigDecimal> cents = new ArrayList<>();
		BigDecimal total = BigDecimal.ZERO;
		BigDecimal cut = BigDecimal.ZERO;
		for (BigDecimal x : exact) {
			BigDecimal down = x.setScale(2, RoundingMode.DOWN);
			cents.add(down);
			cut = cut.add(down);
			total = total.add(x);
		}
		int left = total.setScale(2, RoundingMode.HALF_UP).subtract(cut).divide(CENT).intValue();
		List<Integer> order = new ArrayList<>();
		for (int i = 0; i < exact.size(); i++) {
			order.add(i);
		}
		order.sort(Comparator.<Integer, BigDecimal>comparing(i -> exact.get(i).subtract(cents.get(i))).reversed()
			.thenComparing(i -> schede.get(i).total(), Comparator.reverseOrder())
			.thenComparing(i -> schede.get(i).managerId()));
		for (int k = 0; k < left; k++) {
			int i = order.get(k);
			cents.set(i, cents.get(i).add(CENT));
		}
		return cents;
	}

	private static DifferentiationCheck check(Differentiation rule, BigDecimal average, List<PayLine> lines,
			int maxManagers, Formats f) {
		List<PayLine> top = lines.stream().filter(PayLine::differentiated).toList();
		BigDecimal lowest = top.stream().map(l -> l.amount().divide(average, PRECISION).subtract(BigDecimal.ONE))
			.min(Comparator.naturalOrder()).orElse(null);
		boolean holds = lowest != null && lowest.compareTo(rule.premium()) >= 0 && top.size() <= maxManagers;
		String explanation = lowest == null
				? "Nessun dirigente con la maggiorazione: la regola di differenziazione non è applicata"
				: "Maggiorazione minima " + f.percent(lowest) + " sulla media pro capite di "
						+ f.euros(scaled(average)) + " (richiesta almeno " + f.percent(rule.premium()) + "), "
						+ top.size() + " dirigenti su un massimo di " + maxManagers
						+ (holds ? ": regola rispettata" : ": regola NON rispettata, scarto "
								+ f.percent(lowest.subtract(rule.premium())));
		return new DifferentiationCheck(rule.premium(), maxManagers, top.size(), lowest == null ? null
				: lowest.setScale(10, RoundingMode.HALF_UP), holds, explanation);
	}

	private static BigDecimal scaled(BigDecimal amount) {
		return amount.setScale(2, RoundingMode.HALF_UP);
	}
}
