package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.evaluation.ExamplePolicy.d;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Differentiation;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.ResultPay.Fund;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayLine;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayTable;
import org.junit.jupiter.api.Test;

class ResultPayTest {

	/** 2.2.1's managers' fund in the seed: coefficient 5 × 3.041 €. */
	private static final Fund MANAGERS_FUND = new Fund("Fondo Dirigenti", d("15205"), "esempio, non dal documento");

	private static final Differentiation CONTRACT = new Differentiation(d("0.30"), d("0.34"));

	@Test
	void theBestRatedGetsThirtyPercentAboveTheAverageAndTheRestIsSharedToTheCent() {
		PayTable table = ResultPay.allocate(MANAGERS_FUND,
				List.of(scheda("a", "0.95", "ECCELLENTE", "1"), scheda("b", "0.85", "BUONA", "0.90"),
						scheda("c", "0.70", "BASE", "0.80")),
				CONTRACT);

		// average 15.205 / 3 = 5.068,33; a: 1,3 × 5.068,333… = 6.588,833… up to 6.588,84;
		// 8.616,16 left: b 8.616,16 × 0,9 / 1,7 = 4.561,496…, c × 0,8 / 1,7 = 4.054,663…; cut 8.616,15, the cent
		// left to b (larger remainder)
		assertThat(table.lines()).extracting(PayLine::managerId, PayLine::differentiated, PayLine::amount)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("a", true, d("6588.84")),
					org.assertj.core.groups.Tuple.tuple("b", false, d("4561.50")),
					org.assertj.core.groups.Tuple.tuple("c", false, d("4054.66")));
		assertThat(table.paid()).isEqualByComparingTo("15205");
		assertThat(table.unpaid()).isEqualByComparingTo("0");
		assertThat(table.averagePerHead()).isEqualByComparingTo("5068.33");
		assertThat(table.lines().get(1).arithmetic()).isEqualTo("8.616,16 € restanti × 90,00% ÷ 170,00% (somma "
				+ "delle quote degli altri) = 4.561,50 € (+0,01 € di arrotondamento: resto maggiore)");
		assertThat(table.lines().get(0).arithmetic()).startsWith("15.205,00 € ÷ 3 = 5.068,33 € media pro capite");
		assertThat(table.check().holds()).isTrue();
		assertThat(table.check().lowestPremium()).isGreaterThanOrEqualTo(d("0.30"));
		assertThat(table.check().explanation()).contains("1 dirigenti su un massimo di 1", "regola rispettata");
	}

	@Test
	void tooManyDifferentiatedForTheFundBreakTheRuleAndSaySoByHowMuch() {
		PayTable table = ResultPay.allocate(MANAGERS_FUND,
				List.of(scheda("a", "0.95", "ECCELLENTE", "1"), scheda("b", "0.93", "ECCELLENTE", "1"),
						scheda("c", "0.91", "ECCELLENTE", "1")),
				new Differentiation(d("0.30"), d("1")));

		assertThat(table.paid()).isEqualByComparingTo("15205");
		assertThat(table.check().holds()).isFalse();
		assertThat(table.check().lowestPremium()).isLessThan(d("0.01"));
		assertThat(table.check().explanation()).contains("regola NON rispettata, scarto");
	}

	@Test
	void aTieAtTheCutOffGivesTheDifferentiatedPayToNobodyAndTheCheckSaysSo() {
		PayTable table = ResultPay.allocate(MANAGERS_FUND,
				List.of(scheda("a", "0.95", "ECCELLENTE", "1"), scheda("b", "0.95", "ECCELLENTE", "1"),
						scheda("c", "0.70", "BASE", "0.80")),
				CONTRACT);

		assertThat(table.lines()).noneMatch(PayLine::differentiated);
		assertThat(table.paid()).isEqualByComparingTo("15205");
		assertThat(table.check().holds()).isFalse();
		assertThat(table.check().explanation()).startsWith("Nessun dirigente con la maggiorazione");
	}

	@Test
	void nobodyAboveTheThresholdMeansNothingIsPaid() {
		PayTable table = ResultPay.allocate(MANAGERS_FUND,
				List.of(scheda("a", "0.50", "SOTTO_SOGLIA", "0"), scheda("b", "0.40", "SOTTO_SOGLIA", "0")),
				CONTRACT);

		assertThat(table.paid()).isEqualByComparingTo("0");
		assertThat(table.unpaid()).isEqualByComparingTo("15205");
	}

	@Test
	void theAmountsAlwaysSumToTheFundToTheCent() {
		Random random = new Random(42);
		String[][] bands = { { "SOTTO_SOGLIA", "0" }, { "BASE", "0.80" }, { "BUONA", "0.90" }, { "ECCELLENTE", "1" } };
		for (int run = 0; run < 500; run++) {
			int n = 1 + random.nextInt(12);
			List<Scheda> schede = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				String[] band = bands[random.nextInt(bands.length)];
				schede.add(scheda("m" + i, "0." + (10 + random.nextInt(90)), band[0], band[1]));
			}
			BigDecimal amount = BigDecimal.valueOf(random.nextInt(10_000_000), 2);
			PayTable table = ResultPay.allocate(new Fund("F", amount, "atto"), schede,
					new Differentiation(d("0.30"), BigDecimal.valueOf(random.nextInt(101), 2)));

			boolean anyShare = schede.stream().anyMatch(s -> s.band().share().signum() > 0);
			assertThat(table.paid()).as("run %d", run).isEqualByComparingTo(anyShare ? amount : BigDecimal.ZERO);
			assertThat(table.lines()).allMatch(l -> l.amount().scale() == 2 && l.amount().signum() >= 0);
		}
	}

	private static Scheda scheda(String manager, String total, String band, String share) {
		return new Scheda(manager, RoleGroup.DIRIGENTE, null, null, null, d(total),
				new EvaluationPolicy.PayBand(band, d("0"), null, d(share)), "");
	}
}
