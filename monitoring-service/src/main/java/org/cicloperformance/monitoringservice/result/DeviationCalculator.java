package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.ComponentDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.MilestoneDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.TargetDef;

/**
 * Deviation of a (valid) result from the target in force at its checkpoint. Where the indicator has no target at
 * the checkpoint the seed treats the expected value as nothing: the deviation is the result itself, marked not due.
 * Yes/no and qualitative results have no deviation.
 */
final class DeviationCalculator {

	private DeviationCalculator() {
	}

	public static Deviation compute(IndicatorDef indicator, Optional<TargetDef> target, ResultValue value) {
		MeasureKind kind = indicator.measureKind();
		if (kind == null) {
			return null;
		}
		return switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> numeric(kind, indicator.unit(), target.map(TargetDef::number), value);
			case COMPOUND -> compound(indicator, target, value);
			case MILESTONE -> milestones(indicator, target, value);
			case BOOLEAN, QUALITATIVE -> null;
		};
	}

	private static Deviation numeric(MeasureKind kind, String unit, Optional<BigDecimal> target, ResultValue value) {
		boolean notDue = target.isEmpty();
		BigDecimal deviation = target.map(t -> value.number().subtract(t)).orElse(value.number());
		String suffix = kind == MeasureKind.PERCENTAGE ? " punti percentuali" : unitSuffix(unit);
		return new Deviation(deviation, null, null, notDue, ItalianNumbers.signed(deviation) + suffix + notDueNote(notDue));
	}

	private static Deviation compound(IndicatorDef indicator, Optional<TargetDef> target, ResultValue value) {
		Map<String, BigDecimal> targets = target.map(TargetDef::components).orElse(null);
		boolean notDue = targets == null;
		Map<String, BigDecimal> deviations = new LinkedHashMap<>();
		List<String> words = new ArrayList<>();
		for (ComponentDef component : indicator.components()) {
			BigDecimal result = value.components().get(component.code());
			if (result == null) {
				continue;
			}
			BigDecimal expected = notDue ? null : targets.get(component.code());
			BigDecimal deviation = expected == null ? result : result.subtract(expected);
			deviations.put(component.code(), deviation);
			String suffix = component.measureKind() == MeasureKind.PERCENTAGE ? " punti percentuali" : "";
			words.add(ItalianNumbers.signed(deviation) + suffix + " " + component.code());
		}
		return new Deviation(null, deviations, null, notDue, joinItalian(words) + notDueNote(notDue));
	}

	private static Deviation milestones(IndicatorDef indicator, Optional<TargetDef> target, ResultValue value) {
		List<String> due = target.map(TargetDef::milestones).orElse(null);
		boolean notDue = due == null;
		List<String> missed = new ArrayList<>();
		if (!notDue) {
			for (String code : due) {
				LocalDate dueDate = indicator.milestone(code).map(MilestoneDef::due).orElse(null);
				Optional<LocalDate> delivered = value.delivered().stream()
						.filter(d -> code.equals(d.milestone()))
						.map(d -> LocalDate.parse(d.date()))
						.findFirst();
				boolean onTime = delivered.isPresent() && (dueDate == null || !delivered.get().isAfter(dueDate));
				if (!onTime) {
					missed.add(code);
				}
			}
		}
		String text = missed.isEmpty() ? "nessuna milestone mancata" : "milestone mancate: " + String.join(", ", missed);
		return new Deviation(null, null, missed, notDue, text + notDueNote(notDue));
	}

	private static String unitSuffix(String unit) {
		return unit == null || unit.isBlank() ? "" : " " + unit;
	}

	private static String notDueNote(boolean notDue) {
		return notDue ? " (non previsto al checkpoint)" : "";
	}

	private static String joinItalian(List<String> words) {
		if (words.size() <= 1) {
			return String.join("", words);
		}
		return String.join(", ", words.subList(0, words.size() - 1)) + " e " + words.get(words.size() - 1);
	}
}
