package org.cicloperformance.reportingservice.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.junit.jupiter.api.Test;

/** The deviation next to a result: the producer's when it sent one, else result − target. */
class DeviationsTest {

	@Test
	void computesResultMinusTargetForANumber() {
		var deviation = Deviations.of(MeasureKind.COUNT, IndicatorTarget.number(new BigDecimal("600")),
				IndicatorResult.number(new BigDecimal("527")), null);

		assertThat(deviation).get().extracting(Deviations.Deviation::number)
				.isEqualTo(new BigDecimal("-73"));
	}

	@Test
	void prefersTheDeviationTheProducerSent() {
		var reported = new ResultEvent.Deviation(new BigDecimal("23"), null, null, "+23");

		var deviation = Deviations.of(MeasureKind.COUNT, IndicatorTarget.number(new BigDecimal("15")),
				IndicatorResult.number(new BigDecimal("23")), reported);

		assertThat(deviation).get().extracting(Deviations.Deviation::number).isEqualTo(new BigDecimal("23"));
	}

	@Test
	void computesOneDifferencePerComponentWithATargetAndAValue() {
		var target = new IndicatorTarget(null, null, null,
				Map.of("istanze", new BigDecimal("6000"), "riunioni", new BigDecimal("6")), null);
		var result = new IndicatorResult(1, 1, null, null, null, null,
				Map.of("istanze", new BigDecimal("2799"), "riunioni", new BigDecimal("3")), null);

		var deviation = Deviations.of(MeasureKind.COMPOUND, target, result, null);

		assertThat(deviation).get().extracting(Deviations.Deviation::components).isEqualTo(
				Map.of("istanze", new BigDecimal("-3201"), "riunioni", new BigDecimal("-3")));
	}

	@Test
	void listsTheMilestonesDueThatWereNotDelivered() {
		var target = new IndicatorTarget(null, null, List.of("M1", "M2"), null, null);
		var result = new IndicatorResult(1, 1, null, null,
				List.of(new IndicatorResult.Delivery("M1", LocalDate.of(2018, 3, 31))), null, null, null);

		var deviation = Deviations.of(MeasureKind.MILESTONE, target, result, null);

		assertThat(deviation).get().extracting(Deviations.Deviation::missedMilestones).isEqualTo(List.of("M2"));
	}

	@Test
	void hasNoneWithoutAResultOrForAYesNoIndicator() {
		var yes = new IndicatorResult(1, 1, null, true, null, null, null, "SI");

		assertThat(Deviations.of(MeasureKind.COUNT, IndicatorTarget.number(BigDecimal.TEN), null, null)).isEmpty();
		assertThat(Deviations.of(MeasureKind.BOOLEAN, new IndicatorTarget(null, true, null, null, "si"), yes, null))
				.isEmpty();
	}
}
