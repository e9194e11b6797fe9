package org.cicloperformance.reportingservice.dashboard;

import org.cicloperformance.reportingservice.format.Formats;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** Targets, results and deviations as a reader understands them, by measure kind, in the reader's language. */
@Component
class Display {

	/** "fascia PROPORTIONAL" in the engine's payout arithmetic. */
	private static final Pattern BAND = Pattern.compile("(?<=fascia )([A-Z][A-Z_]+)\\b");

	/** The missing-result rule the engine names, "(ZERO)" or "(EXCLUDE)". */
	private static final Pattern RULE = Pattern.compile("\\((ZERO|EXCLUDE)\\)");

	private final Formats fmt;

	private final MessageSource messages;

	Display(Formats fmt, MessageSource messages) {
		this.fmt = fmt;
		this.messages = messages;
	}

	String target(MeasureKind kind, IndicatorTarget target, String unit) {
		if (target == null) {
			return Formats.NONE;
		}
		return switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> target.number() == null ? text(target.text())
					: quantity(kind, target.number(), unit);
			case BOOLEAN -> target.yes() == null ? text(target.text()) : yesNo(target.yes());
			case MILESTONE -> target.milestones().isEmpty() ? text(target.text())
					: String.join(", ", target.milestones());
			case COMPOUND -> target.components().isEmpty() ? text(target.text()) : components(target.components());
			case QUALITATIVE -> text(target.text());
		};
	}

	String result(MeasureKind kind, IndicatorResult result, String unit) {
		if (result == null) {
			return Formats.NONE;
		}
		return switch (kind) {
			case COUNT, AMOUNT, PERCENTAGE -> result.number() == null ? text(result.text())
					: quantity(kind, result.number(), unit);
			case BOOLEAN -> result.yes() == null ? text(result.text()) : yesNo(result.yes());
			case MILESTONE -> result.delivered().isEmpty() ? message("milestones.noneDelivered")
					: result.delivered().stream()
							.map(d -> d.milestone() + (d.date() == null ? "" : " (" + fmt.date(d.date()) + ")"))
							.collect(Collectors.joining(", "));
			case COMPOUND -> result.components().isEmpty() ? text(result.text()) : components(result.components());
			case QUALITATIVE -> result.assessment() == null ? text(result.text())
					: fmt.number(result.assessment()) + "/100";
		};
	}

	/** A stored result value (history rows) shown like a scored one. */
	String value(MeasureKind kind, ResultEvent.Value value, String unit) {
		if (value == null) {
			return Formats.NONE;
		}
		List<IndicatorResult.Delivery> delivered = value.delivered() == null ? List.of()
				: value.delivered().stream().map(d -> new IndicatorResult.Delivery(d.milestone(), d.date())).toList();
		return result(kind, new IndicatorResult(1, null, value.number(), value.yes(), delivered, value.assessment(),
				value.components() == null ? null : withoutNulls(value.components()), value.text()), unit);
	}

	String deviation(Deviations.Deviation deviation) {
		if (deviation == null) {
			return Formats.NONE;
		}
		if (deviation.number() != null) {
			return fmt.signed(deviation.number());
		}
		if (deviation.components() != null && !deviation.components().isEmpty()) {
			return deviation.components().entrySet().stream().map(e -> e.getKey() + " " + fmt.signed(e.getValue()))
					.collect(Collectors.joining(" · "));
		}
		if (deviation.missedMilestones() != null) {
			return deviation.missedMilestones().isEmpty() ? message("milestones.noneMissed")
					: message("milestones.missed") + " " + String.join(", ", deviation.missedMilestones());
		}
		return text(deviation.text());
	}

	/**
	 * A deviation with the cause the office gave for it ("−3 · cause esterne"), the words from the bundles (the
	 * Relazione's); the deviation alone when no cause was given.
	 */
	String deviation(Deviations.Deviation deviation, String cause) {
		String shown = deviation(deviation);
		if (cause == null || cause.isBlank() || deviation == null) {
			return shown;
		}
		String words = messages.getMessage("relazione.cause." + cause, null, null, LocaleContextHolder.getLocale());
		return words == null ? shown : shown + " · " + words.toLowerCase(LocaleContextHolder.getLocale());
	}

	/**
	 * An incentive band as a reader says it ("fascia proporzionale"), from the bundles; a band a plan's own policy
	 * names differently is shown as the policy wrote it.
	 */
	public String band(String code) {
		if (code == null || code.isBlank()) {
			return Formats.NONE;
		}
		return messages.getMessage("band." + code, null, code, LocaleContextHolder.getLocale());
	}

	/**
	 * An explanation written by the engine (Italian, with the policy's codes: "fascia PROPORTIONAL", "(ZERO)") with
	 * the codes replaced by their words: the engine's text stays the API's, the page speaks to people.
	 */
	public String readable(String arithmetic) {
		if (arithmetic == null) {
			return null;
		}
		// the engine's explanations are Italian in every language: their words too
		String bands = BAND.matcher(arithmetic).replaceAll(m -> Matcher.quoteReplacement(
				messages.getMessage("band." + m.group(1), null, m.group(1), Locale.ITALIAN)));
		return RULE.matcher(bands).replaceAll(m -> Matcher.quoteReplacement(
				"(" + messages.getMessage("rule." + m.group(1), null, m.group(1), Locale.ITALIAN) + ")"));
	}

	String message(String key, Object... arguments) {
		return messages.getMessage(key, arguments, key, LocaleContextHolder.getLocale());
	}

	private String quantity(MeasureKind kind, BigDecimal number, String unit) {
		if (kind == MeasureKind.PERCENTAGE) {
			return fmt.points(number);
		}
		if (kind == MeasureKind.AMOUNT) {
			return fmt.euros(number);
		}
		return fmt.number(number) + (unit == null || unit.isBlank() ? "" : " " + unit);
	}

	private String components(Map<String, BigDecimal> components) {
		return new TreeMap<>(components).entrySet().stream().map(e -> e.getKey() + " " + fmt.number(e.getValue()))
				.collect(Collectors.joining(" · "));
	}

	private String yesNo(boolean yes) {
		return message(yes ? "value.yes" : "value.no");
	}

	private static String text(String text) {
		return text == null || text.isBlank() ? Formats.NONE : text;
	}

	private static Map<String, BigDecimal> withoutNulls(Map<String, BigDecimal> map) {
		return map.entrySet().stream().filter(e -> e.getValue() != null)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}
}
