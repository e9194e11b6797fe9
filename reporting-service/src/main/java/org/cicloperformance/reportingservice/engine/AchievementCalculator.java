package org.cicloperformance.reportingservice.engine;

import static org.cicloperformance.reportingservice.engine.Decimals.number;
import static org.cicloperformance.reportingservice.engine.Decimals.percent;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.Achievement.Part;
import org.cicloperformance.reportingservice.engine.Achievement.Rule;
import org.cicloperformance.reportingservice.engine.Achievement.Status;
import org.cicloperformance.reportingservice.engine.IndicatorResult.Delivery;
import org.cicloperformance.reportingservice.engine.Policy.MissingRule;
import org.cicloperformance.reportingservice.engine.Policy.NumericRule;

/** Indicator achievement at a checkpoint, following the policy of the plan version in force. */
final class AchievementCalculator {

	private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private AchievementCalculator() {
	}

	/**
	 * The achievement at a closed checkpoint: the self-reported one (from {@code result} by the rules), and the
	 * OIV's {@code verdict} on it (null: none). An {@code ADJUSTED} verdict on a due indicator replaces the value by
	 * the OIV's figure as it is (it is already the achievement: no floor, no cap), and the arithmetic names both.
	 */
	public static Achievement achievement(IndicatorDefinition indicator, Checkpoint checkpoint, IndicatorResult result,
			Policy policy, OivVerdict verdict) {
		Achievement declared = achievement(indicator, checkpoint, result, policy);
		if (verdict == null) {
			return declared;
		}
		if (verdict.kind() == OivVerdict.Kind.VALIDATED || declared.status() == Status.NOT_DUE) {
			return new Achievement(declared.status(), declared.rule(), declared.value(), declared.raw(),
					declared.arithmetic(), declared.parts(), verdict, declared);
		}
		BigDecimal adjusted = Decimals.scaled(verdict.adjustedAchievement());
		String selfReported = declared.status() == Status.AWAITING_JUDGEMENT ? "risultato descrittivo valutato dall'OIV"
				: declared.value() == null ? "dichiarato: nessun raggiungimento" : "dichiarato " + percent(declared.value());
		return new Achievement(Status.SCORED, Rule.OIV_ADJUSTED, adjusted, adjusted,
				"raggiungimento rettificato dall'OIV: " + percent(adjusted) + " (" + selfReported + ")",
				declared.parts(), verdict, declared);
	}

	/** {@code result} is null when no result was recorded. */
	public static Achievement achievement(IndicatorDefinition indicator, Checkpoint checkpoint, IndicatorResult result,
			Policy policy) {
		Optional<IndicatorTarget> target = indicator.target(checkpoint.id());
		if (target.isEmpty() || !measurable(indicator, target.get())) {
			return new Achievement(Status.NOT_DUE, Rule.NOT_DUE, null, null, "nessun target a questa verifica",
					List.of());
		}
		if (result != null && indicator.kind() == MeasureKind.QUALITATIVE && result.assessment() == null
				&& result.text() != null && !result.text().isBlank()) {
			// policy, not the seed: a step described in words is not turned into a number by anyone but the OIV
			return new Achievement(Status.AWAITING_JUDGEMENT, Rule.AWAITING_JUDGEMENT, null, null,
					"risultato descrittivo, da valutare a cura dell'OIV → escluso fino alla valutazione", List.of());
		}
		if (result == null || !hasValue(indicator.kind(), result)) {
			return missing(checkpoint, policy);
		}
		Raw raw = switch (indicator.kind()) {
			case COUNT, AMOUNT, PERCENTAGE -> numeric(target.get().number(), result.number(), indicator.direction(),
					indicator.baseline(), policy);
			case BOOLEAN -> Boolean.TRUE.equals(result.yes())
					? new Raw(Rule.BOOLEAN, BigDecimal.ONE, "sì", false, List.of())
					: new Raw(Rule.BOOLEAN, BigDecimal.ZERO, "no", false, List.of());
			case MILESTONE -> milestones(indicator, target.get(), result, checkpoint, policy);
			case QUALITATIVE -> new Raw(Rule.QUALITATIVE, Decimals.divide(result.assessment(), Decimals.HUNDRED),
					number(result.assessment()) + " / 100", true, List.of());
			case COMPOUND -> compound(indicator, target.get(), result, policy);
		};
		return bounded(raw, policy);
	}

	private static boolean measurable(IndicatorDefinition indicator, IndicatorTarget target) {
		return switch (indicator.kind()) {
			case COUNT, AMOUNT, PERCENTAGE -> target.number() != null;
			case MILESTONE -> !target.milestones().isEmpty();
			case COMPOUND -> !target.components().isEmpty();
			case BOOLEAN, QUALITATIVE -> true;
		};
	}

	private static boolean hasValue(MeasureKind kind, IndicatorResult result) {
		return switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> result.number() != null;
			case BOOLEAN -> result.yes() != null;
			case MILESTONE -> true; // an empty delivery list is a result: nothing delivered
			case QUALITATIVE -> result.assessment() != null;
			case COMPOUND -> !result.components().isEmpty();
		};
	}

	private static Achievement missing(Checkpoint checkpoint, Policy policy) {
		String when = checkpoint.isFinal() ? "verifica finale" : "verifica intermedia";
		if (policy.missingRule(checkpoint) == MissingRule.ZERO) {
			return new Achievement(Status.MISSING_ZERO, Rule.MISSING_ZERO, Decimals.scaled(BigDecimal.ZERO), null,
					"risultato mancante alla " + when + " → 0,00% (ZERO)", List.of());
		}
		return new Achievement(Status.MISSING_EXCLUDED, Rule.MISSING_EXCLUDED, null, null,
				"risultato mancante alla " + when + " → escluso (EXCLUDE)", List.of());
	}

	/**
	 * {@code minForm} writes the expression as {@code min(expression, cap)}, the form of the ratios; the other rules
	 * show the cap only when it bites.
	 */
	private record Raw(Rule rule, BigDecimal value, String expression, boolean minForm, List<Part> parts) {
	}

	private static Achievement bounded(Raw raw, Policy policy) {
		BigDecimal rawValue = Decimals.scaled(raw.value());
		BigDecimal capped = rawValue.min(policy.cap());
		String arithmetic;
		if (raw.minForm()) {
			arithmetic = "min(" + raw.expression() + ", " + number(policy.cap()) + ") = " + percent(capped);
		}
		else {
			arithmetic = raw.expression() + " = " + percent(rawValue);
			if (rawValue.compareTo(policy.cap()) > 0) {
				arithmetic += " → min(" + percent(rawValue) + ", " + number(policy.cap()) + ") = " + percent(capped);
			}
		}
		BigDecimal value = capped;
		if (capped.compareTo(policy.floor()) < 0) {
			arithmetic += " < soglia minima " + percent(policy.floor()) + " → 0,00%";
			value = BigDecimal.ZERO;
		}
		return new Achievement(Status.SCORED, raw.rule(), Decimals.scaled(value), rawValue, arithmetic, raw.parts());
	}

	private static Raw numeric(BigDecimal target, BigDecimal result, Direction direction, BigDecimal baseline,
			Policy policy) {
		boolean higher = direction == Direction.HIGHER_IS_BETTER;
		if (policy.numericRule() == NumericRule.LINEAR_FROM_BASELINE && baseline != null
				&& target.compareTo(baseline) != 0) {
			BigDecimal value = Decimals.divide(result.subtract(baseline), target.subtract(baseline));
			String expression = "(" + number(result) + " − " + number(baseline) + ") / (" + number(target) + " − "
					+ number(baseline) + ")";
			return new Raw(Rule.LINEAR_FROM_BASELINE, value, expression, true, List.of());
		}
		if (target.signum() == 0) {
			boolean rightSide = higher ? result.signum() >= 0 : result.signum() <= 0;
			String comparison = higher ? (rightSide ? " ≥ 0" : " < 0") : (rightSide ? " ≤ 0" : " > 0");
			return new Raw(Rule.TARGET_ZERO, rightSide ? BigDecimal.ONE : BigDecimal.ZERO,
					"target 0, risultato " + number(result) + comparison, false, List.of());
		}
		if (higher) {
			return new Raw(Rule.RATIO, Decimals.divide(result, target), number(result) + " / " + number(target), true,
					List.of());
		}
		if (result.signum() == 0) {
			return new Raw(Rule.ZERO_RESULT, BigDecimal.ONE, "risultato 0 (minore è meglio)", false, List.of());
		}
		return new Raw(Rule.INVERSE_RATIO, Decimals.divide(target, result), number(target) + " / " + number(result),
				true, List.of());
	}

	private static Raw milestones(IndicatorDefinition indicator, IndicatorTarget target, IndicatorResult result,
			Checkpoint checkpoint, Policy policy) {
		List<Part> parts = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		for (String code : target.milestones()) {
			LocalDate due = indicator.milestone(code).map(MilestoneDefinition::due).filter(d -> d != null)
					.orElse(checkpoint.date());
			Optional<Delivery> delivery = result.delivered().stream().filter(d -> code.equals(d.milestone()))
					.findFirst();
			BigDecimal credit;
			String arithmetic;
			if (delivery.isEmpty() || delivery.get().date() == null) {
				credit = BigDecimal.ZERO;
				arithmetic = code + " non consegnata (scadenza " + ITALIAN_DATE.format(due) + ") → 0";
			}
			else if (!delivery.get().date().isAfter(due)) {
				credit = BigDecimal.ONE;
				arithmetic = code + " consegnata il " + ITALIAN_DATE.format(delivery.get().date()) + " (scadenza "
						+ ITALIAN_DATE.format(due) + ") → 1";
			}
			else {
				credit = policy.lateMilestoneCredit();
				arithmetic = code + " consegnata in ritardo il " + ITALIAN_DATE.format(delivery.get().date())
						+ " (scadenza " + ITALIAN_DATE.format(due) + ") → " + number(credit);
			}
			sum = sum.add(credit);
			parts.add(new Part(code, null, Decimals.scaled(credit), arithmetic));
		}
		BigDecimal value = Decimals.divide(sum, BigDecimal.valueOf(parts.size()));
		String expression = "(" + parts.stream().map(p -> number(p.value())).collect(Collectors.joining(" + "))
				+ ") / " + parts.size();
		return new Raw(Rule.MILESTONES, value, expression, false, parts);
	}

	private static Raw compound(IndicatorDefinition indicator, IndicatorTarget target, IndicatorResult result,
			Policy policy) {
		List<ComponentDefinition> components = indicator.components().stream()
				.filter(c -> target.components().containsKey(c.code())).toList();
		if (components.isEmpty()) {
			components = target.components().keySet().stream().sorted()
					.map(code -> new ComponentDefinition(code, indicator.direction(), null)).toList();
		}
		boolean weighted = components.stream().allMatch(c -> c.weight() != null);
		List<Part> parts = new ArrayList<>();
		BigDecimal sum = BigDecimal.ZERO;
		BigDecimal totalWeight = BigDecimal.ZERO;
		for (ComponentDefinition component : components) {
			BigDecimal weight = weighted ? component.weight() : BigDecimal.ONE;
			BigDecimal componentResult = result.components().get(component.code());
			Part part;
			if (componentResult == null) {
				part = new Part(component.code(), weighted ? weight : null, Decimals.scaled(BigDecimal.ZERO),
						component.code() + ": valore mancante → 0,00%");
			}
			else {
				Achievement achieved = bounded(numeric(target.components().get(component.code()), componentResult,
						component.direction(), null, policy), policy);
				part = new Part(component.code(), weighted ? weight : null, achieved.value(),
						component.code() + ": " + achieved.arithmetic());
			}
			parts.add(part);
			sum = sum.add(weight.multiply(part.value()));
			totalWeight = totalWeight.add(weight);
		}
		BigDecimal value = totalWeight.signum() == 0 ? BigDecimal.ZERO : Decimals.divide(sum, totalWeight);
		String expression = weighted
				? "(" + parts.stream().map(p -> number(p.weight()) + " · " + percent(p.value()))
						.collect(Collectors.joining(" + ")) + ") / " + number(totalWeight)
				: "(" + parts.stream().map(p -> percent(p.value())).collect(Collectors.joining(" + ")) + ") / "
						+ parts.size();
		return new Raw(Rule.COMPOUND, value, expression, false, parts);
	}
}
