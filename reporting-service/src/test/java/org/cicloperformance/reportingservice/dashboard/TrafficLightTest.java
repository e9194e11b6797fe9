package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.reportingservice.engine.Policy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The traffic light follows the incentive bands of the policy in force. */
class TrafficLightTest {

	@ParameterizedTest(name = "{0} → {1}")
	@CsvSource({ "1, GREEN", "0.9, GREEN", "0.8999999999, AMBER", "0.5, AMBER", "0.4999999999, RED", "0, RED" })
	void readsTheDefaultBands(String score, TrafficLight expected) {
		assertThat(TrafficLight.of(Policy.defaults(), new BigDecimal(score))).isEqualTo(expected);
	}

	@Test
	void isGreyWhenNothingWasMeasured() {
		assertThat(TrafficLight.of(Policy.defaults(), null)).isEqualTo(TrafficLight.NONE);
	}

	@Test
	void movesWithThePolicysThresholds() {
		Policy lenient = new Policy(2, null, null, null, null, null, null,
				List.of(new Policy.IncentiveBand("LOW", BigDecimal.ZERO, new BigDecimal("0.3"), Policy.Payout.NONE),
						new Policy.IncentiveBand("MID", new BigDecimal("0.3"), new BigDecimal("0.8"), Policy.Payout.SCORE),
						new Policy.IncentiveBand("TOP", new BigDecimal("0.8"), null, Policy.Payout.FULL)));

		assertThat(TrafficLight.of(lenient, new BigDecimal("0.85"))).isEqualTo(TrafficLight.GREEN);
		assertThat(TrafficLight.of(lenient, new BigDecimal("0.4"))).isEqualTo(TrafficLight.AMBER);
		assertThat(ScoredPlans.legend(lenient)).extracting(Pages.LegendEntry::light, Pages.LegendEntry::band)
				.containsExactly(org.assertj.core.groups.Tuple.tuple(TrafficLight.GREEN, "TOP"),
						org.assertj.core.groups.Tuple.tuple(TrafficLight.AMBER, "MID"),
						org.assertj.core.groups.Tuple.tuple(TrafficLight.RED, "LOW"));
	}
}
