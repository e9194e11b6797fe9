package org.cicloperformance.reportingservice.report;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.plan.PlanEvent;

/**
 * The report's small pieces of text: figures in the shared Italian formats ({@link Formats}, as on the dashboard),
 * stored texts squashed into paragraphs, and look-ups in a plan's content that tolerate its gaps.
 */
final class ReportText {

	static final String NONE = Formats.NONE;

	static final String BLANK = "______________________";

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private ReportText() {
	}

	static final Formats FMT = Formats.italian();

	static String number(BigDecimal value) {
		return FMT.number(value);
	}

	static String percent(BigDecimal fraction) {
		return FMT.percent(fraction);
	}

	/** Points of a percentage or a weight, two decimals: 20 → {@code 20,00%}. */
	static String points(BigDecimal value) {
		return FMT.points(value);
	}

	/** A difference with its sign: 3 → {@code +3}, −2543 → {@code -2.543}. */
	static String signed(BigDecimal value) {
		return FMT.signed(value);
	}

	static String sign(BigDecimal value) {
		return value.signum() > 0 ? "+" : value.signum() < 0 ? "-" : "";
	}

	/** As on the dashboard: 1234 → {@code 1.234,00 €}. */
	static String euros(BigDecimal amount) {
		return FMT.euros(amount);
	}

	static String date(LocalDate date) {
		return date == null ? null : DATE.format(date);
	}

	static String withUnit(String figure, String unit) {
		return hasText(unit) ? figure + " " + unit : figure;
	}

	static String text(String text) {
		return hasText(text) ? squash(text) : NONE;
	}

	/** Paragraphs of a stored text: one per line, blank lines dropped. */
	static List<String> paragraphs(String text) {
		if (!hasText(text)) {
			return List.of();
		}
		return Stream.of(text.split("\\R")).map(ReportText::squash).filter(Predicate.not(String::isEmpty))
				.toList();
	}

	/** The same figure written with other spacing or without its plus: "+ 3", "+3" and "3"; "- 73" and "-73". */
	static boolean sameFigure(String text, String figure) {
		return text != null && figure != null && figure(text).equalsIgnoreCase(figure(figure));
	}

	static String figure(String text) {
		String compact = text.replaceAll("\\s+", "");
		return compact.startsWith("+") ? compact.substring(1) : compact;
	}

	static String squash(String text) {
		return text.replaceAll("\\s+", " ").trim();
	}

	/** A line to write on by hand, where the plan names nobody (or the checkpoint is not validated yet). */
	static String orBlank(String text) {
		return hasText(text) ? text.trim() : BLANK;
	}

	/** The words that mark the demo's year-end example: its commentaries and evidence carry them. */
	static final String EXAMPLE_MARK = "esempio, non dal documento";

	/** Whether a result comes from the demo's example (its commentary or evidence says so), not from a document. */
	static boolean isExample(org.cicloperformance.reportingservice.result.ResultFact fact) {
		return marked(fact.commentary()) || list(fact.evidence()).stream().anyMatch(ReportText::marked);
	}

	private static boolean marked(String text) {
		return text != null && text.toLowerCase(java.util.Locale.ROOT).contains(EXAMPLE_MARK);
	}

	static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	static <T> List<T> list(List<T> list) {
		return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}

	// --- look-ups in a plan's content ---

	static Stream<PlanEvent.OperationalObjective> objectivesOf(PlanEvent.Content content) {
		return list(content.strategicAreas()).stream().flatMap(a -> list(a.strategicObjectives()).stream())
				.flatMap(s -> list(s.operationalObjectives()).stream());
	}

	static Optional<PlanEvent.Indicator> indicator(PlanEvent.Content content, String objective,
			String indicator) {
		return objectivesOf(content).filter(o -> Objects.equals(objective, o.code()))
				.flatMap(o -> list(o.indicators()).stream()).filter(i -> Objects.equals(indicator, i.code()))
				.findFirst();
	}

	static Optional<PlanEvent.Target> target(PlanEvent.Indicator indicator, String checkpoint) {
		return list(indicator.targets()).stream().filter(t -> checkpoint != null && checkpoint.equals(t.checkpoint()))
				.findFirst();
	}

	static String shortTitle(PlanEvent.OperationalObjective objective) {
		return hasText(objective.shortTitle()) ? objective.shortTitle() : objective.title();
	}

	static MeasureKind kind(PlanEvent.Indicator indicator) {
		try {
			return indicator.measureKind() == null ? MeasureKind.COUNT : MeasureKind.valueOf(indicator.measureKind());
		}
		catch (IllegalArgumentException unknown) {
			return MeasureKind.QUALITATIVE;
		}
	}

}
