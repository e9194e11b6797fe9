package org.cicloperformance.reportingservice.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Incentives.FundEarning;
import org.cicloperformance.reportingservice.engine.Incentives.Payout;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Fund;
import org.cicloperformance.reportingservice.engine.ScoringPlan.Incentive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncentivesTest {

	@ParameterizedTest(name = "score {0} → band {1}, payout {2}")
	@CsvSource(delimiter = '|', value = {
			"0.00 | BELOW_THRESHOLD | 0,00%",
			"0.4999 | BELOW_THRESHOLD | 0,00%",
			"0.50 | PROPORTIONAL | 50,00%",
			"0.5830 | PROPORTIONAL | 58,30%",
			"0.8999 | PROPORTIONAL | 89,99%",
			"0.90 | FULL | 100,00%",
			"1.00 | FULL | 100,00%" })
	void paysByTheDefaultBands(String score, String band, String payout) {
		Payout result = Incentives.payout(Policy.defaults(), new BigDecimal(score)).orElseThrow();

		assertThat(result.band()).isEqualTo(band);
		assertThat(Decimals.percent(result.percentage())).isEqualTo(payout);
	}

	@Test
	void anUnknownScorePaysNothingYet() {
		assertThat(Incentives.payout(Policy.defaults(), null)).isEmpty();
	}

	@Test
	void earnsTheSeedIncentiveBlockAtTheObjectivesAchievement() {
		Incentive incentive = new Incentive(new BigDecimal("5"), "vigilanza",
				List.of(new Fund("Fondo Dirigenti", new BigDecimal("3041"), null),
						new Fund("Fondo Dipendenti", new BigDecimal("4228"), new BigDecimal("21140"))));
		Payout payout = Incentives.payout(Policy.defaults(), new BigDecimal("0.6875")).orElseThrow();

		List<FundEarning> earnings = Incentives.earnings(incentive, payout);

		assertThat(earnings).extracting(FundEarning::amount).usingComparatorForType(BigDecimal::compareTo,
				BigDecimal.class).containsExactly(new BigDecimal("15205"), new BigDecimal("21140"));
		assertThat(earnings).extracting(FundEarning::arithmetic).containsExactly(
				"15.205 € × 68,75% = 10.453,44 €", "21.140 € × 68,75% = 14.533,75 €");
	}
}
