package org.cicloperformance.reportingservice.report;

import static org.cicloperformance.reportingservice.report.ReportText.*;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.result.ResultEvent;

/** Targets, results and deviations as the report writes them, by measure kind; its few words from {@code messages}. */
final class ReportValues {

	private final Function<String, String> messages;

	ReportValues(Function<String, String> messages) {
		this.messages = messages;
	}

	String target(MeasureKind kind, PlanEvent.Target target, PlanEvent.Indicator indicator) {
		if (hasText(target.text())) {
			return squash(target.text());
		}
		return switch (kind) {
			case COUNT -> target.number() == null ? NONE : withUnit(number(target.number()), indicator.unit());
			case AMOUNT -> euros(target.number());
			case PERCENTAGE -> points(target.number());
			case BOOLEAN -> target.yes() == null ? NONE : message(target.yes() ? "value.yes" : "value.no");
			case MILESTONE -> list(target.milestones()).isEmpty() ? NONE : String.join(", ", target.milestones());
			case COMPOUND -> components(target.components());
			case QUALITATIVE -> NONE;
		};
	}

	/** The result as the proposal table's "Realizzazione" column writes it: its own wording when it has one. */
	String achieved(MeasureKind kind, ResultEvent.Value value, PlanEvent.Indicator indicator) {
		String figure = result(kind, value, indicator);
		String wording = wording(kind, value, figure, indicator);
		return wording == null ? figure : wording;
	}

	String result(MeasureKind kind, ResultEvent.Value value, PlanEvent.Indicator indicator) {
		return switch (kind) {
			case COUNT -> value.number() == null ? text(value.text())
					: withUnit(number(value.number()), indicator.unit());
			case AMOUNT -> value.number() == null ? text(value.text()) : euros(value.number());
			case PERCENTAGE -> value.number() == null ? text(value.text()) : points(value.number());
			case BOOLEAN -> value.yes() == null ? text(value.text()) : message(value.yes() ? "value.yes" : "value.no");
			case MILESTONE -> value.delivered() == null || value.delivered().isEmpty()
					? message("milestones.noneDelivered")
					: value.delivered().stream().filter(Objects::nonNull)
							.map(d -> d.milestone() + (d.date() == null ? "" : " (" + date(d.date()) + ")"))
							.collect(Collectors.joining(", "));
			case COMPOUND -> value.components() == null || value.components().isEmpty() ? text(value.text())
					: components(value.components());
			case QUALITATIVE -> value.assessment() == null ? text(value.text()) : number(value.assessment()) + "/100";
		};
	}

	/** The office's own wording of the result, when it says more than the figure shown. */
	static String wording(MeasureKind kind, ResultEvent.Value value, String figure,
			PlanEvent.Indicator indicator) {
		String text = value.text();
		if (!hasText(text) || sameFigure(text, figure)) {
			return null;
		}
		if (kind == MeasureKind.BOOLEAN && text.trim().matches("(?iu)s[iì]|no")) {
			return null;
		}
		if (value.number() != null && (sameFigure(text, number(value.number()))
				|| sameFigure(text, value.number().toPlainString()) || sameFigure(text, points(value.number()))
				|| sameFigure(text, withUnit(number(value.number()), indicator.unit())))) {
			return null;
		}
		return squash(text);
	}

	String deviation(MeasureKind kind, ResultEvent.Deviation deviation, PlanEvent.Indicator indicator) {
		if (deviation.number() != null) {
			return kind == MeasureKind.PERCENTAGE ? sign(deviation.number()) + points(deviation.number().abs())
					: signed(deviation.number());
		}
		if (deviation.components() != null && !deviation.components().isEmpty()) {
			return components(indicator, deviation.components(), ReportText::signed);
		}
		if (deviation.missedMilestones() != null) {
			if (deviation.missedMilestones().isEmpty()) {
				return message("milestones.noneMissed");
			}
			return deviation.missedMilestones().stream().map(code -> code + list(indicator.milestones()).stream()
					.filter(m -> code.equals(m.code()) && hasText(m.name())).findFirst()
					.map(m -> " (" + m.name() + ")").orElse("")).collect(Collectors.joining(", "));
		}
		return text(deviation.text());
	}

	String components(Map<String, BigDecimal> components) {
		return components == null || components.isEmpty() ? NONE
				: components.entrySet().stream().filter(e -> e.getValue() != null)
						.map(e -> number(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(" · "));
	}

	/** Components in the indicator's order, each value formatted by {@code format}. */
	static String components(PlanEvent.Indicator indicator, Map<String, BigDecimal> values,
			Function<BigDecimal, String> format) {
		List<String> order = list(indicator.components()).stream().map(PlanEvent.Component::code).toList();
		return values.entrySet().stream().filter(e -> e.getValue() != null)
				.sorted(Comparator.comparingInt(e -> order.contains(e.getKey()) ? order.indexOf(e.getKey())
						: Integer.MAX_VALUE))
				.map(e -> format.apply(e.getValue()) + " " + e.getKey()).collect(Collectors.joining(" · "));
	}

	static String baseline(PlanEvent.Indicator indicator) {
		if (hasText(indicator.baselineText())) {
			return squash(indicator.baselineText());
		}
		return indicator.baseline() == null ? NONE : number(indicator.baseline());
	}


	private String message(String key) {
		return messages.apply(key);
	}
}
