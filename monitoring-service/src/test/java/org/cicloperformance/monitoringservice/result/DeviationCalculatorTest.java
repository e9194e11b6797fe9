package org.cicloperformance.monitoringservice.result;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.ComponentDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.MilestoneDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.TargetDef;
import org.cicloperformance.monitoringservice.result.ResultValue.DeliveredMilestone;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviationCalculatorTest {

	private static final String CHECKPOINT = "2018-06-30";

	@ParameterizedTest(name = "{0}: {2} against {3} -> {4} ({5})")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			1.1.1/1 count            | COUNT      | 8     | 5     | 3       | +3
			2.1.2/3 count            | COUNT      | 27457 | 30000 | -2543   | -2.543
			2.1.1/3 percentage       | PERCENTAGE | 82.70 | 75    | 7.70    | +7,70 punti percentuali
			2.1.1/3 JSON 82.7 vs 75.0| PERCENTAGE | 82.7  | 75.0  | 7.7     | +7,7 punti percentuali
			3.1.1/3 percentage       | PERCENTAGE | 0     | 3     | -3      | -3 punti percentuali
			amount                   | AMOUNT     | 1234.56 | 1000 | 234.56 | +234,56
			on target                | COUNT      | 10    | 10    | 0       | 0
			1.1.1/3 not due          | COUNT      | 23    | null  | 23      | +23 (non previsto al checkpoint)
			""")
	void numericDeviationIsResultMinusTarget(String name, MeasureKind kind, BigDecimal result, BigDecimal target,
			BigDecimal expected, String text) {
		IndicatorDef indicator = new IndicatorDef("1", name, kind, null, null, null,
				target == null ? List.of() : List.of(new TargetDef(CHECKPOINT, target, null, null, null, null)));
		Deviation deviation = DeviationCalculator.compute(indicator, indicator.target(CHECKPOINT),
				new ResultValue(result, null, null, null, null, null, null));
		assertThat(deviation.number()).isEqualTo(expected);
		assertThat(deviation.notDue()).isEqualTo(target == null);
		assertThat(deviation.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', textBlock = """
			2.1.1/2 both components | istanze=6000,riunioni=6 | istanze=2799,riunioni=3 | istanze=-3201,riunioni=-3 | -3.201 istanze e -3 riunioni
			2.1.1/4 one component due | seminari=2            | seminari=4              | seminari=2                 | +2 seminari
			""")
	void compoundDeviationIsPerComponent(String name, String target, String result, String expected, String text) {
		IndicatorDef indicator = new IndicatorDef("2", name, MeasureKind.COMPOUND, null,
				List.of(component("istanze"), component("riunioni"), component("seminari")), null,
				List.of(new TargetDef(CHECKPOINT, null, null, null, numbers(target), null)));
		Deviation deviation = DeviationCalculator.compute(indicator, indicator.target(CHECKPOINT),
				new ResultValue(null, null, null, null, null, numbers(result), null));
		assertThat(deviation.components()).isEqualTo(numbers(expected));
		assertThat(deviation.text()).isEqualTo(text);
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', nullValues = "null", textBlock = """
			2.2.1/1 M2 not delivered  | M1,M2 | M1=2018-03-31       | M2
			2.2.1/2 nothing delivered | M1    | null                | M1
			late delivery is missed   | M1    | M1=2018-04-01       | M1
			all on time               | M1,M2 | M1=2018-03-31,M2=2018-05-31 | null
			""")
	void milestoneDeviationListsTheMilestonesDueAndNotDeliveredOnTime(String name, String due, String delivered,
			String missed) {
		IndicatorDef indicator = new IndicatorDef("1", name, MeasureKind.MILESTONE, null, null,
				List.of(new MilestoneDef("M1", null, java.time.LocalDate.parse("2018-03-31")),
						new MilestoneDef("M2", null, java.time.LocalDate.parse("2018-05-31"))),
				List.of(new TargetDef(CHECKPOINT, null, null, List.of(due.split(",")), null, null)));
		List<DeliveredMilestone> deliveries = delivered == null ? List.of()
				: java.util.Arrays.stream(delivered.split(",")).map(d -> d.split("="))
						.map(d -> new DeliveredMilestone(d[0], d[1])).toList();
		Deviation deviation = DeviationCalculator.compute(indicator, indicator.target(CHECKPOINT),
				new ResultValue(null, null, deliveries, null, null, null, null));
		assertThat(deviation.missedMilestones()).isEqualTo(missed == null ? List.of() : List.of(missed.split(",")));
	}

	@ParameterizedTest
	@CsvSource({ "BOOLEAN", "QUALITATIVE" })
	void yesNoAndQualitativeHaveNoDeviation(MeasureKind kind) {
		IndicatorDef indicator = new IndicatorDef("1", "x", kind, null, null, null, List.of());
		assertThat(DeviationCalculator.compute(indicator, Optional.empty(),
				new ResultValue(null, true, null, BigDecimal.TEN, "ok", null, null))).isNull();
	}

	private static ComponentDef component(String code) {
		return new ComponentDef(code, code, MeasureKind.COUNT, null);
	}

	private static Map<String, BigDecimal> numbers(String pairs) {
		Map<String, BigDecimal> map = new LinkedHashMap<>();
		for (String pair : pairs.split(",")) {
			String[] kv = pair.split("=");
			map.put(kv[0].strip(), new BigDecimal(kv[1].strip()));
		}
		return map;
	}
}
