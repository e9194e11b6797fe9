package org.cicloperformance.reportingservice.forecast;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.Direction;
import org.cicloperformance.reportingservice.engine.IndicatorDefinition;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.MilestoneDefinition;

/**
 * The year-end forecast of an indicator from its interim results: plain arithmetic, every step written out like the
 * scores, in the words of the {@code forecast.*} message bundles (Italian by default, English available). The
 * rules marked "policy" in docs/monitoring.md (Forecasts) are choices of this
 * project, not of the law: the method per kind, the band, the rounding and the severity thresholds.
 */
final class Forecaster {

	/** Policy: a forecast missing its target by more than this share of it is a HIGH alert. */
	static final BigDecimal HIGH_GAP = new BigDecimal("0.20");

	/** Policy: a milestone more than this many days late at the last interim date is a HIGH alert. */
	static final long HIGH_DELAY_DAYS = 30;

	/** Policy: a band needs at least this many interim points. */
	static final int BAND_POINTS = 3;

	private Forecaster() {
	}

	/**
	 * The forecast of {@code indicator} at the plan's final checkpoint from {@code points} (interim results, any
	 * order; points at or after the final date are ignored). An indicator without a target there is not asked for.
	 */
	static Forecast forecast(IndicatorDefinition indicator, Checkpoint end, List<InterimPoint> points) {
		return forecast(indicator, end, points, ForecastWording.italian());
	}

	/** The same in the words of {@code w}. */
	static Forecast forecast(IndicatorDefinition indicator, Checkpoint end, List<InterimPoint> points,
			ForecastWording w) {
		var F = w.formats();
		IndicatorTarget target = indicator.target(end.id()).orElse(null);
		List<InterimPoint> interim = end.date() == null ? List.of() : points.stream()
				.filter(p -> p.date() != null && p.result() != null && p.date().isBefore(end.date()))
				.sorted(Comparator.comparing(InterimPoint::date)).toList();
		LocalDate asOf = interim.isEmpty() ? null : interim.get(interim.size() - 1).date();
		if (target == null) {
			return Forecast.notForecast(w, w.text("reason.noTarget", F.date(end.date())), null, null, asOf);
		}
		if (indicator.kind() == null || end.date() == null) {
			return Forecast.notForecast(w, w.text("reason.noKind"), null, target.text(), asOf);
		}
		return switch (indicator.kind()) {
			case COUNT, AMOUNT -> numeric(indicator, target, end, interim, true, w);
			case PERCENTAGE -> numeric(indicator, target, end, interim, false, w);
			case BOOLEAN -> yesNo(target, end, interim, w);
			case MILESTONE -> Milestones.forecast(indicator, target, end, interim, w);
			case QUALITATIVE -> Forecast.notForecast(w, w.text("reason.qualitative"), null, target.text(), asOf);
			case COMPOUND -> Forecast.notForecast(w, w.text("reason.compound"), null, target.text(), asOf);
		};
	}

	private static Forecast numeric(IndicatorDefinition indicator, IndicatorTarget target, Checkpoint end,
			List<InterimPoint> all, boolean cumulative, ForecastWording w) {
		var F = w.formats();
		List<InterimPoint> interim = all.stream().filter(p -> p.result().number() != null).toList();
		LocalDate asOf = interim.isEmpty() ? null : interim.get(interim.size() - 1).date();
		if (target.number() == null) {
			return Forecast.notForecast(w, w.text("reason.noNumericTarget", F.date(end.date())), null,
					target.text(), asOf);
		}
		String targetText = F.number(target.number());
		if (interim.isEmpty()) {
			return Forecast.notForecast(w, w.text("reason.noInterim"), target.number(), targetText, null);
		}
		LocalDate yearStart = end.date().withDayOfYear(1).minusDays(1);
		long total = ChronoUnit.DAYS.between(yearStart, end.date());
		int scale = indicator.kind() == MeasureKind.AMOUNT ? 2 : indicator.kind() == MeasureKind.COUNT ? 0 : 2;
		List<BigDecimal> projections = new ArrayList<>();
		String step = null;
		for (InterimPoint point : interim) {
			BigDecimal value = point.result().number();
			BigDecimal projected;
			if (cumulative) {
				long elapsed = Math.max(1, ChronoUnit.DAYS.between(yearStart, point.date()));
				projected = value.multiply(BigDecimal.valueOf(total)).divide(BigDecimal.valueOf(elapsed), scale,
						RoundingMode.HALF_UP);
				step = w.text("step.linear", F.number(value), F.date(point.date()), String.valueOf(total),
						String.valueOf(elapsed), F.number(projected), F.date(end.date()));
			}
			else {
				projected = value;
				step = w.text("step.last", F.number(value), F.date(point.date()), F.number(projected),
						F.date(end.date()));
			}
			projections.add(projected);
		}
		BigDecimal expected = projections.get(projections.size() - 1);
		Forecast.Band band = null;
		String bandText;
		if (projections.size() >= BAND_POINTS) {
			band = new Forecast.Band(projections.stream().min(Comparator.naturalOrder()).orElseThrow(),
					projections.stream().max(Comparator.naturalOrder()).orElseThrow());
			bandText = w.text(cumulative ? "band.projections" : "band.values", F.number(band.low()),
					F.number(band.high()), String.valueOf(projections.size()));
		}
		else {
			bandText = w.text(projections.size() == 1 ? "band.one" : "band.two");
		}
		boolean onTrack = indicator.direction() == Direction.LOWER_IS_BETTER
				? expected.compareTo(target.number()) <= 0 : expected.compareTo(target.number()) >= 0;
		String arithmetic = w.text(indicator.direction() == Direction.LOWER_IS_BETTER ? "numeric.atMost"
				: "numeric.atLeast", step, targetText, w.text(onTrack ? "onTrack" : "offTrack"));
		Forecast.Alert alert = onTrack ? null : numericAlert(expected, target.number(), targetText, end, w);
		return new Forecast(cumulative ? ForecastMethod.LINEAR_TO_DATE : ForecastMethod.LAST_VALUE, expected,
				F.number(expected), band, bandText, target.number(), targetText, onTrack, arithmetic, null, asOf,
				alert);
	}

	private static Forecast.Alert numericAlert(BigDecimal expected, BigDecimal target, String targetText,
			Checkpoint end, ForecastWording w) {
		var F = w.formats();
		BigDecimal gap = expected.subtract(target).abs();
		boolean high = target.signum() == 0
				|| gap.divide(target.abs(), 4, RoundingMode.HALF_UP).compareTo(HIGH_GAP) > 0;
		return new Forecast.Alert(high ? Forecast.Severity.HIGH : Forecast.Severity.MEDIUM,
				w.text(high ? "alert.numericHigh" : "alert.numeric", F.number(expected), targetText,
						F.date(end.date()), F.number(gap)));
	}

	private static Forecast yesNo(IndicatorTarget target, Checkpoint end, List<InterimPoint> interim,
			ForecastWording w) {
		var F = w.formats();
		String targetText = target.yes() == null ? target.text() : yes(target.yes(), w);
		InterimPoint last = interim.stream().filter(p -> p.result().yes() != null).reduce((a, b) -> b).orElse(null);
		if (last == null || !Boolean.TRUE.equals(last.result().yes())) {
			return Forecast.notForecast(w, last == null ? w.text("reason.notReached")
					: w.text("reason.notReachedAt", F.date(last.date())), null, targetText,
					last == null ? null : last.date());
		}
		boolean onTrack = target.yes() == null || target.yes();
		String arithmetic = w.text("yesNo", F.date(last.date()), F.date(end.date()), targetText,
				w.text(onTrack ? "onTrack" : "offTrack"));
		return new Forecast(ForecastMethod.LAST_VALUE, null, yes(true, w), null, w.text("band.yesNo"), null,
				targetText, onTrack, arithmetic, null, last.date(),
				onTrack ? null : new Forecast.Alert(Forecast.Severity.MEDIUM, w.text("alert.expected", targetText)));
	}

	private static String yes(boolean yes, ForecastWording w) {
		return w.text(yes ? "yes" : "no");
	}

	/** The MILESTONE_PLAN rule: a milestone past its planned date and not delivered is late. */
	static final class Milestones {

		private Milestones() {
		}

		static Forecast forecast(IndicatorDefinition indicator, IndicatorTarget target, Checkpoint end,
				List<InterimPoint> interim, ForecastWording w) {
			var F = w.formats();
			List<String> due = target.milestones();
			if (due.isEmpty()) {
				return Forecast.notForecast(w, w.text("reason.noMilestones", F.date(end.date())), null,
						target.text(), null);
			}
			BigDecimal targetCount = BigDecimal.valueOf(due.size());
			String targetText = w.text("milestones", String.valueOf(due.size()));
			if (interim.isEmpty()) {
				return Forecast.notForecast(w, w.text("reason.noInterim"), targetCount, targetText, null);
			}
			InterimPoint last = interim.get(interim.size() - 1);
			LocalDate asOf = last.date();
			List<String> steps = new ArrayList<>();
			int onSchedule = 0;
			long worstDelay = 0;
			List<String> late = new ArrayList<>();
			for (String code : due) {
				LocalDate planned = indicator.milestone(code).map(MilestoneDefinition::due).orElse(null);
				LocalDate plannedOrEnd = planned == null ? end.date() : planned;
				IndicatorResult.Delivery delivery = last.result().delivered().stream()
						.filter(d -> Objects.equals(code, d.milestone())).findFirst().orElse(null);
				if (delivery != null) {
					onSchedule++;
					boolean lateDelivery = delivery.date() != null && delivery.date().isAfter(plannedOrEnd);
					steps.add(w.text(lateDelivery ? "milestone.deliveredLate" : "milestone.delivered", code,
							F.date(delivery.date()), F.date(plannedOrEnd)));
				}
				else if (!plannedOrEnd.isAfter(asOf)) {
					long delay = ChronoUnit.DAYS.between(plannedOrEnd, asOf);
					worstDelay = Math.max(worstDelay, delay);
					late.add(code);
					steps.add(w.text("milestone.late", code, F.date(plannedOrEnd), F.date(asOf),
							String.valueOf(delay)));
				}
				else {
					onSchedule++;
					steps.add(w.text("milestone.onSchedule", code, F.date(plannedOrEnd)));
				}
			}
			boolean onTrack = late.isEmpty();
			BigDecimal expected = BigDecimal.valueOf(onSchedule);
			String arithmetic = w.text("milestone.total", String.join("; ", steps), String.valueOf(onSchedule),
					String.valueOf(due.size()), F.date(asOf), w.text(onTrack ? "onTrack" : "offTrack"));
			Forecast.Alert alert = onTrack ? null
					: new Forecast.Alert(worstDelay > HIGH_DELAY_DAYS ? Forecast.Severity.HIGH
							: Forecast.Severity.MEDIUM,
							w.text("alert.milestones", String.join(", ", late), String.valueOf(worstDelay),
									F.date(asOf)));
			return new Forecast(ForecastMethod.MILESTONE_PLAN, expected,
					w.text("milestone.expected", String.valueOf(onSchedule), String.valueOf(due.size())), null,
					w.text("band.milestones"), targetCount, targetText, onTrack, arithmetic, null, asOf,
					alert);
		}
	}
}
