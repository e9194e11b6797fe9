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
import org.cicloperformance.reportingservice.format.Formats;

/**
 * The year-end forecast of an indicator from its interim results: plain arithmetic, no Spring, every step written
 * out in Italian like the scores. The rules marked "policy" in docs/monitoring.md (Forecasts) are choices of this
 * project, not of the law: the method per kind, the band, the rounding and the severity thresholds.
 */
final class Forecaster {

	/** Policy: a forecast missing its target by more than this share of it is a HIGH alert. */
	static final BigDecimal HIGH_GAP = new BigDecimal("0.20");

	/** Policy: a milestone more than this many days late at the last interim date is a HIGH alert. */
	static final long HIGH_DELAY_DAYS = 30;

	/** Policy: a band needs at least this many interim points. */
	static final int BAND_POINTS = 3;

	private static final Formats F = Formats.italian();

	private Forecaster() {
	}

	/**
	 * The forecast of {@code indicator} at the plan's final checkpoint from {@code points} (interim results, any
	 * order; points at or after the final date are ignored). An indicator without a target there is not asked for.
	 */
	static Forecast forecast(IndicatorDefinition indicator, Checkpoint end, List<InterimPoint> points) {
		IndicatorTarget target = indicator.target(end.id()).orElse(null);
		List<InterimPoint> interim = end.date() == null ? List.of() : points.stream()
				.filter(p -> p.date() != null && p.result() != null && p.date().isBefore(end.date()))
				.sorted(Comparator.comparing(InterimPoint::date)).toList();
		LocalDate asOf = interim.isEmpty() ? null : interim.get(interim.size() - 1).date();
		if (target == null) {
			return Forecast.notForecast("nessun valore atteso al " + F.date(end.date()), null, null, asOf);
		}
		if (indicator.kind() == null || end.date() == null) {
			return Forecast.notForecast("tipo di misura o data della verifica finale non indicati", null,
					target.text(), asOf);
		}
		return switch (indicator.kind()) {
			case COUNT, AMOUNT -> numeric(indicator, target, end, interim, true);
			case PERCENTAGE -> numeric(indicator, target, end, interim, false);
			case BOOLEAN -> yesNo(target, end, interim);
			case MILESTONE -> Milestones.forecast(indicator, target, end, interim);
			case QUALITATIVE -> Forecast.notForecast(
					"indicatore qualitativo: il giudizio non si proietta", null, target.text(), asOf);
			case COMPOUND -> Forecast.notForecast(
					"indicatore composto: le componenti non si proiettano in un solo valore", null, target.text(), asOf);
		};
	}

	private static Forecast numeric(IndicatorDefinition indicator, IndicatorTarget target, Checkpoint end,
			List<InterimPoint> all, boolean cumulative) {
		List<InterimPoint> interim = all.stream().filter(p -> p.result().number() != null).toList();
		LocalDate asOf = interim.isEmpty() ? null : interim.get(interim.size() - 1).date();
		if (target.number() == null) {
			return Forecast.notForecast("nessun valore atteso numerico al " + F.date(end.date()), null,
					target.text(), asOf);
		}
		String targetText = F.number(target.number());
		if (interim.isEmpty()) {
			return Forecast.notForecast("nessun risultato intermedio", target.number(), targetText, null);
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
				step = F.number(value) + " al " + F.date(point.date()) + " × " + total + " / " + elapsed
						+ " giorni = " + F.number(projected) + " previsti al " + F.date(end.date());
			}
			else {
				projected = value;
				step = "ultimo valore " + F.number(value) + " al " + F.date(point.date()) + " = "
						+ F.number(projected) + " previsti al " + F.date(end.date());
			}
			projections.add(projected);
		}
		BigDecimal expected = projections.get(projections.size() - 1);
		Forecast.Band band = null;
		String bandText;
		if (projections.size() >= BAND_POINTS) {
			band = new Forecast.Band(projections.stream().min(Comparator.naturalOrder()).orElseThrow(),
					projections.stream().max(Comparator.naturalOrder()).orElseThrow());
			bandText = "banda " + F.number(band.low()) + "–" + F.number(band.high()) + ": la minima e la massima "
					+ (cumulative ? "proiezione" : "valore") + " dei " + projections.size() + " dati intermedi";
		}
		else {
			bandText = "banda non disponibile: "
					+ (projections.size() == 1 ? "un solo dato intermedio" : "solo 2 dati intermedi");
		}
		boolean onTrack = indicator.direction() == Direction.LOWER_IS_BETTER
				? expected.compareTo(target.number()) <= 0 : expected.compareTo(target.number()) >= 0;
		String comparison = indicator.direction() == Direction.LOWER_IS_BETTER ? "non superiore a" : "almeno";
		String arithmetic = step + "; atteso " + comparison + " " + targetText + ": "
				+ (onTrack ? "in linea" : "non in linea");
		Forecast.Alert alert = onTrack ? null : numericAlert(expected, target.number(), targetText, end);
		return new Forecast(cumulative ? ForecastMethod.LINEAR_TO_DATE : ForecastMethod.LAST_VALUE, expected,
				F.number(expected), band, bandText, target.number(), targetText, onTrack, arithmetic, null, asOf,
				alert);
	}

	private static Forecast.Alert numericAlert(BigDecimal expected, BigDecimal target, String targetText,
			Checkpoint end) {
		BigDecimal gap = expected.subtract(target).abs();
		boolean high = target.signum() == 0
				|| gap.divide(target.abs(), 4, RoundingMode.HALF_UP).compareTo(HIGH_GAP) > 0;
		return new Forecast.Alert(high ? Forecast.Severity.HIGH : Forecast.Severity.MEDIUM,
				"previsti " + F.number(expected) + " contro un valore atteso di " + targetText + " al "
						+ F.date(end.date()) + " (scarto " + F.number(gap) + (high ? ", oltre il 20%" : "") + ")");
	}

	private static Forecast yesNo(IndicatorTarget target, Checkpoint end, List<InterimPoint> interim) {
		String targetText = target.yes() == null ? target.text() : yes(target.yes());
		InterimPoint last = interim.stream().filter(p -> p.result().yes() != null).reduce((a, b) -> b).orElse(null);
		if (last == null || !Boolean.TRUE.equals(last.result().yes())) {
			return Forecast.notForecast("sì/no non ancora raggiunto"
					+ (last == null ? "" : " al " + F.date(last.date())) + ": non si prevede", null, targetText,
					last == null ? null : last.date());
		}
		boolean onTrack = target.yes() == null || target.yes();
		String arithmetic = "raggiunto al " + F.date(last.date()) + ": sì previsto al " + F.date(end.date())
				+ "; atteso " + targetText + ": " + (onTrack ? "in linea" : "non in linea");
		return new Forecast(ForecastMethod.LAST_VALUE, null, yes(true), null,
				"banda non disponibile: indicatore sì/no", null, targetText, onTrack, arithmetic, null, last.date(),
				onTrack ? null : new Forecast.Alert(Forecast.Severity.MEDIUM, "atteso " + targetText));
	}

	private static String yes(boolean yes) {
		return yes ? "sì" : "no";
	}

	/** The MILESTONE_PLAN rule: a milestone past its planned date and not delivered is late. */
	static final class Milestones {

		private Milestones() {
		}

		static Forecast forecast(IndicatorDefinition indicator, IndicatorTarget target, Checkpoint end,
				List<InterimPoint> interim) {
			List<String> due = target.milestones();
			if (due.isEmpty()) {
				return Forecast.notForecast("nessuna milestone attesa al " + F.date(end.date()), null, target.text(),
						null);
			}
			BigDecimal targetCount = BigDecimal.valueOf(due.size());
			String targetText = due.size() + " milestone";
			if (interim.isEmpty()) {
				return Forecast.notForecast("nessun risultato intermedio", targetCount, targetText, null);
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
					steps.add(code + " consegnata il " + F.date(delivery.date()) + " (prevista il "
							+ F.date(plannedOrEnd) + (lateDelivery ? ", consegnata in ritardo)" : ")"));
				}
				else if (!plannedOrEnd.isAfter(asOf)) {
					long delay = ChronoUnit.DAYS.between(plannedOrEnd, asOf);
					worstDelay = Math.max(worstDelay, delay);
					late.add(code);
					steps.add(code + " prevista il " + F.date(plannedOrEnd) + ", non consegnata al " + F.date(asOf)
							+ ": in ritardo di " + delay + " giorni");
				}
				else {
					onSchedule++;
					steps.add(code + " prevista il " + F.date(plannedOrEnd) + ": nei tempi");
				}
			}
			boolean onTrack = late.isEmpty();
			BigDecimal expected = BigDecimal.valueOf(onSchedule);
			String arithmetic = String.join("; ", steps) + " = " + onSchedule + " di " + due.size()
					+ " milestone nei tempi al " + F.date(asOf) + ": " + (onTrack ? "in linea" : "non in linea");
			Forecast.Alert alert = onTrack ? null
					: new Forecast.Alert(worstDelay > HIGH_DELAY_DAYS ? Forecast.Severity.HIGH
							: Forecast.Severity.MEDIUM,
							"milestone in ritardo rispetto alla data prevista: " + String.join(", ", late)
									+ " (fino a " + worstDelay + " giorni al " + F.date(asOf) + ")");
			return new Forecast(ForecastMethod.MILESTONE_PLAN, expected, onSchedule + " di " + due.size(), null,
					"banda non disponibile: milestone", targetCount, targetText, onTrack, arithmetic, null, asOf,
					alert);
		}
	}
}
