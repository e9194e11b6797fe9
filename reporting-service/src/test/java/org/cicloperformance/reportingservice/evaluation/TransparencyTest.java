package org.cicloperformance.reportingservice.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cicloperformance.reportingservice.evaluation.ExamplePolicy.d;

import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Differentiation;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.PayBand;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.ResultPay.Fund;
import org.cicloperformance.reportingservice.evaluation.ResultPay.PayTable;
import org.cicloperformance.reportingservice.evaluation.Transparency.BandRow;
import org.junit.jupiter.api.Test;

class TransparencyTest {

	private static final List<PayBand> BANDS = ExamplePolicy.policy().payBands();

	private static final Differentiation CONTRACT = new Differentiation(d("0.30"), d("0.20"));

	@Test
	void publishesTheAmountsAllocatedAndPaidPerFund() {
		List<Scheda> schede = schede(5, 4, 1);
		Transparency data = Transparency.of(List.of(
				ResultPay.allocate(new Fund("Fondo Dirigenti", d("15205"), "det. 12/2018"), schede, CONTRACT),
				ResultPay.allocate(new Fund("Retribuzione di risultato", d("100000"), "det. 3/2018"), schede,
						CONTRACT)),
				BANDS, 3);

		assertThat(data.amounts()).extracting(Transparency.FundRow::fund, Transparency.FundRow::paid)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Fondo Dirigenti", d("15205.00")),
					org.assertj.core.groups.Tuple.tuple("Retribuzione di risultato", d("100000.00")));
	}

	@Test
	void aBandWithFewerPeopleThanTheThresholdIsHiddenAndSoIsASecondOneSoThatItCannotBeDeduced() {
		// 5 ECCELLENTE, 4 BUONA, 1 BASE: BASE (1) is hidden, BUONA (the smallest other) too
		PayTable table = ResultPay.allocate(new Fund("F", d("100000"), "atto"), schede(5, 4, 1), CONTRACT);
		Transparency data = Transparency.of(List.of(table), BANDS, 3);

		assertThat(data.distribution()).containsExactly(new BandRow("SOTTO_SOGLIA", 0, d("0"), false),
				new BandRow("BASE", null, null, true), new BandRow("BUONA", null, null, true),
				data.distribution().get(3));
		assertThat(data.distribution().get(3).people()).isEqualTo(5);
		assertThat(data.differentiation().shareDifferentiated()).isEqualByComparingTo("0.2");
		assertThat(data.differentiation().highestToAverage()).isGreaterThan(d("1.29"));
	}

	@Test
	void fewerPeopleThanTheThresholdPublishOnlyTheTotals() {
		PayTable table = ResultPay.allocate(new Fund("F", d("15205"), "atto"), schede(1, 1, 0), CONTRACT);
		Transparency data = Transparency.of(List.of(table), BANDS, 3);

		assertThat(data.distribution()).allMatch(r -> r.hidden() && r.people() == null && r.paid() == null);
		assertThat(data.differentiation()).isNull();
		assertThat(data.amounts().get(0).paid()).isEqualByComparingTo("15205");
	}

	private static List<Scheda> schede(int excellent, int good, int base) {
		List<Scheda> out = new ArrayList<>();
		for (int i = 0; i < excellent; i++) {
			out.add(scheda("e" + i, "0.9" + i, BANDS.get(3)));
		}
		for (int i = 0; i < good; i++) {
			out.add(scheda("g" + i, "0.8" + i, BANDS.get(2)));
		}
		for (int i = 0; i < base; i++) {
			out.add(scheda("b" + i, "0.7" + i, BANDS.get(1)));
		}
		return out;
	}

	private static Scheda scheda(String manager, String total, PayBand band) {
		return new Scheda(manager, RoleGroup.DIRIGENTE, null, null, null, d(total), band, "");
	}
}
