package org.cicloperformance.reportingservice.forecast;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.Direction;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.MilestoneDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The forecast arithmetic on hand-computed cases: 30/6/2018 is day 181 of 365. */
class ForecasterTest {

	static final Checkpoint END = new Checkpoint("2018-12-31", LocalDate.of(2018, 12, 31), true);

	static final LocalDate JUNE = LocalDate.of(2018, 6, 30);

	static IndicatorDefinition indicator(MeasureKind kind, Direction direction, String target) {
		return new IndicatorDefinition("1", "indicatore", kind, direction, null, BigDecimal.ONE, null, null,
				Map.of(END.id(), IndicatorTarget.number(new BigDecimal(target))));
	}

	static InterimPoint point(LocalDate date, String number) {
		return new InterimPoint(date.toString(), date, IndicatorResult.number(new BigDecimal(number)));
	}

	static Stream<Arguments> numericCases() {
		return Stream.of(
				// kind, direction, target, value at 30/6, expected, onTrack, severity of the alert (null: none)
				Arguments.of(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "2000", "1234", "2488", true, null),
				Arguments.of(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "3000", "1234", "2488", false, "MEDIUM"),
				Arguments.of(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "65", "5", "10", false, "HIGH"),
				Arguments.of(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "20", "10", "20", true, null),
				Arguments.of(MeasureKind.COUNT, Direction.LOWER_IS_BETTER, "30", "20", "40", false, "HIGH"),
				Arguments.of(MeasureKind.COUNT, Direction.LOWER_IS_BETTER, "45", "20", "40", true, null),
				Arguments.of(MeasureKind.AMOUNT, Direction.HIGHER_IS_BETTER, "1000", "500", "1008.29", true, null),
				Arguments.of(MeasureKind.PERCENTAGE, Direction.HIGHER_IS_BETTER, "75", "82.7", "82.7", true, null),
				Arguments.of(MeasureKind.PERCENTAGE, Direction.HIGHER_IS_BETTER, "3", "0", "0", false, "HIGH"),
				Arguments.of(MeasureKind.PERCENTAGE, Direction.LOWER_IS_BETTER, "10", "11", "11", false, "MEDIUM"));
	}

	@ParameterizedTest(name = "{0} {1}: {3} at 30/6, target {2} → {4}, on track {5}, alert {6}")
	@MethodSource("numericCases")
	void aNumericIndicatorIsForecastFromItsValueAtMidYear(MeasureKind kind, Direction direction, String target,
			String june, String expected, boolean onTrack, String severity) {
		Forecast forecast = Forecaster.forecast(indicator(kind, direction, target), END, List.of(point(JUNE, june)));

		assertThat(forecast.method()).isEqualTo(kind == MeasureKind.PERCENTAGE ? ForecastMethod.LAST_VALUE
				: ForecastMethod.LINEAR_TO_DATE);
		assertThat(forecast.expected()).isEqualByComparingTo(expected);
		assertThat(forecast.onTrack()).isEqualTo(onTrack);
		assertThat(forecast.alert() == null ? null : forecast.alert().severity().name()).isEqualTo(severity);
		assertThat(forecast.band()).isNull();
		assertThat(forecast.bandText()).isEqualTo("banda non disponibile: un solo dato intermedio");
		assertThat(forecast.asOf()).isEqualTo(JUNE);
	}

	@Test
	void theLinearForecastWritesItsArithmeticInItalian() {
		Forecast forecast = Forecaster.forecast(indicator(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "2000"),
				END, List.of(point(JUNE, "1234")));

		assertThat(forecast.arithmetic()).isEqualTo("1.234 al 30/06/2018 × 365 / 181 giorni = 2.488 previsti al "
				+ "31/12/2018; atteso almeno 2.000: in linea");
		assertThat(forecast.expectedText()).isEqualTo("2.488");
	}

	@Test
	void threeInterimPointsGiveABandFromTheLowestToTheHighestProjection() {
		// 300 × 365/90 = 1216,67 → 1217; 600 × 365/181 = 1209,94 → 1210; 950 × 365/273 = 1270,15 → 1270
		Forecast forecast = Forecaster.forecast(indicator(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "1200"),
				END, List.of(point(LocalDate.of(2018, 9, 30), "950"), point(LocalDate.of(2018, 3, 31), "300"),
						point(JUNE, "600")));

		assertThat(forecast.expected()).isEqualByComparingTo("1270");
		assertThat(forecast.band().low()).isEqualByComparingTo("1210");
		assertThat(forecast.band().high()).isEqualByComparingTo("1270");
		assertThat(forecast.bandText()).isEqualTo("banda 1.210–1.270: la minima e la massima proiezione dei 3 "
				+ "dati intermedi");
		assertThat(forecast.asOf()).isEqualTo(LocalDate.of(2018, 9, 30));
	}

	@Test
	void twoInterimPointsGiveNoBand() {
		Forecast forecast = Forecaster.forecast(indicator(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "1200"),
				END, List.of(point(LocalDate.of(2018, 3, 31), "300"), point(JUNE, "600")));

		assertThat(forecast.band()).isNull();
		assertThat(forecast.bandText()).isEqualTo("banda non disponibile: solo 2 dati intermedi");
	}

	@Test
	void aResultAtTheFinalCheckpointIsNotAnInterimPoint() {
		Forecast forecast = Forecaster.forecast(indicator(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "20"),
				END, List.of(point(END.date(), "30")));

		assertThat(forecast.method()).isEqualTo(ForecastMethod.NOT_FORECAST);
		assertThat(forecast.reason()).isEqualTo("nessun risultato intermedio");
		assertThat(forecast.alert()).isNull();
	}

	@Test
	void aNewerResultBackOnTargetClearsTheAlert() {
		IndicatorDefinition focus = indicator(MeasureKind.COUNT, Direction.HIGHER_IS_BETTER, "10");
		IndicatorResult first = new IndicatorResult(1, 1, new BigDecimal("2"), null, null, null, null, null);
		IndicatorResult second = new IndicatorResult(2, 1, new BigDecimal("5"), null, null, null, null, null);

		Forecast raised = Forecaster.forecast(focus, END, List.of(new InterimPoint("2018-06-30", JUNE, first)));
		Forecast cleared = Forecaster.forecast(focus, END, List.of(new InterimPoint("2018-06-30", JUNE, second)));

		assertThat(raised.alert().severity()).isEqualTo(Forecast.Severity.HIGH);
		assertThat(raised.alert().reason()).isEqualTo("previsti 4 contro un valore atteso di 10 al 31/12/2018 "
				+ "(scarto 6, oltre il 20%)");
		assertThat(cleared.expected()).isEqualByComparingTo("10");
		assertThat(cleared.onTrack()).isTrue();
		assertThat(cleared.alert()).isNull();
	}

	static IndicatorDefinition milestones() {
		return new IndicatorDefinition("1", "milestone", MeasureKind.MILESTONE, Direction.HIGHER_IS_BETTER, null,
				BigDecimal.ONE, null,
				List.of(new MilestoneDefinition("M1", LocalDate.of(2018, 3, 31)),
						new MilestoneDefinition("M2", LocalDate.of(2018, 5, 31)),
						new MilestoneDefinition("M3", LocalDate.of(2018, 9, 30)),
						new MilestoneDefinition("M4", LocalDate.of(2018, 11, 30))),
				Map.of(END.id(), new IndicatorTarget(null, null, List.of("M1", "M2", "M3", "M4"), null, null)));
	}

	static InterimPoint delivered(IndicatorResult.Delivery... deliveries) {
		return new InterimPoint("2018-06-30", JUNE,
				new IndicatorResult(1, 1, null, null, List.of(deliveries), null, null, null));
	}

	@Test
	void aMilestonePastItsDateAndNotDeliveredIsLate() {
		Forecast forecast = Forecaster.forecast(milestones(), END,
				List.of(delivered(new IndicatorResult.Delivery("M1", LocalDate.of(2018, 3, 31)))));

		assertThat(forecast.method()).isEqualTo(ForecastMethod.MILESTONE_PLAN);
		assertThat(forecast.expectedText()).isEqualTo("3 di 4");
		assertThat(forecast.onTrack()).isFalse();
		assertThat(forecast.arithmetic()).isEqualTo("M1 consegnata il 31/03/2018 (prevista il 31/03/2018); "
				+ "M2 prevista il 31/05/2018, non consegnata al 30/06/2018: in ritardo di 30 giorni; "
				+ "M3 prevista il 30/09/2018: nei tempi; M4 prevista il 30/11/2018: nei tempi "
				+ "= 3 di 4 milestone nei tempi al 30/06/2018: non in linea");
		assertThat(forecast.alert().severity()).isEqualTo(Forecast.Severity.MEDIUM);
		assertThat(forecast.alert().reason()).isEqualTo("milestone in ritardo rispetto alla data prevista: M2 "
				+ "(fino a 30 giorni al 30/06/2018)");
	}

	@Test
	void milestonesDeliveredOnTimeSoFarAreOnTrack() {
		Forecast forecast = Forecaster.forecast(milestones(), END,
				List.of(delivered(new IndicatorResult.Delivery("M1", LocalDate.of(2018, 3, 31)),
						new IndicatorResult.Delivery("M2", LocalDate.of(2018, 6, 15)))));

		assertThat(forecast.expected()).isEqualByComparingTo("4");
		assertThat(forecast.onTrack()).isTrue();
		assertThat(forecast.alert()).isNull();
		assertThat(forecast.arithmetic()).contains("M2 consegnata il 15/06/2018 (prevista il 31/05/2018, "
				+ "consegnata in ritardo)");
	}

	@Test
	void aMilestoneLateByMoreThanThirtyDaysIsAHighAlert() {
		Forecast forecast = Forecaster.forecast(milestones(), END, List.of(delivered()));

		assertThat(forecast.expectedText()).isEqualTo("2 di 4");
		assertThat(forecast.alert().severity()).isEqualTo(Forecast.Severity.HIGH);
		assertThat(forecast.alert().reason()).contains("M1, M2 (fino a 91 giorni al 30/06/2018)");
	}

	@Test
	void kindsThatCannotBeForecastSayWhy() {
		IndicatorDefinition qualitative = new IndicatorDefinition("1", "q", MeasureKind.QUALITATIVE, null, null,
				BigDecimal.ONE, null, null,
				Map.of(END.id(), new IndicatorTarget(null, null, null, null, "relazione")));
		IndicatorDefinition yesNo = new IndicatorDefinition("1", "b", MeasureKind.BOOLEAN, null, null, BigDecimal.ONE,
				null, null, Map.of(END.id(), new IndicatorTarget(null, true, null, null, null)));
		InterimPoint notYet = new InterimPoint("2018-06-30", JUNE,
				new IndicatorResult(1, 1, null, false, null, null, null, null));
		InterimPoint reached = new InterimPoint("2018-06-30", JUNE,
				new IndicatorResult(1, 1, null, true, null, null, null, null));

		assertThat(Forecaster.forecast(qualitative, END, List.of()).reason())
				.isEqualTo("indicatore qualitativo: il giudizio non si proietta");
		Forecast before = Forecaster.forecast(yesNo, END, List.of(notYet));
		assertThat(before.method()).isEqualTo(ForecastMethod.NOT_FORECAST);
		assertThat(before.reason()).isEqualTo("sì/no non ancora raggiunto al 30/06/2018: non si prevede");
		assertThat(before.alert()).isNull();
		Forecast after = Forecaster.forecast(yesNo, END, List.of(reached));
		assertThat(after.method()).isEqualTo(ForecastMethod.LAST_VALUE);
		assertThat(after.expectedText()).isEqualTo("sì");
		assertThat(after.onTrack()).isTrue();
	}
}
