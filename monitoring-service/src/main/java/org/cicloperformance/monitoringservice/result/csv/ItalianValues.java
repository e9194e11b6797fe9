package org.cicloperformance.monitoringservice.result.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.cicloperformance.monitoringservice.plan.MeasureKind;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.result.ResultValue;
import org.cicloperformance.monitoringservice.result.ResultValue.DeliveredMilestone;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * Reads the "valore" cell of a CSV line in Italian formats, by measure kind:
 * <ul>
 * <li>COUNT, AMOUNT: "2.260", "27457", "1.234,56" (optionally with €);</li>
 * <li>PERCENTAGE: "82,70%" or "82,70";</li>
 * <li>BOOLEAN: "SI"/"SÌ"/"NO";</li>
 * <li>MILESTONE: "M1=31/03/2018|M2=15/05/2018" (empty: none delivered);</li>
 * <li>COMPOUND: "posizioni=2.799|riunioni=3";</li>
 * <li>QUALITATIVE: "80|giustificazione" (the assessment 0–100, then the justification).</li>
 * </ul>
 * A cell that cannot be read becomes a {@link Violation} pointing where the JSON API would.
 */
final class ItalianValues {

	/** "-1.000.000.000.000,000000" has 25 characters: a longer number is out of bounds whatever its digits. */
	private static final int MAX_NUMBER_TEXT = 40;

	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(,\\d+)?");

	private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
			.withResolverStyle(ResolverStyle.STRICT);

	private ItalianValues() {
	}

	static final class Unreadable extends Exception {

		private final transient Violation violation;

		Unreadable(Violation violation) {
			super(violation.code(), null, false, false);
			this.violation = violation;
		}

		Violation violation() {
			return violation;
		}
	}

	static ResultValue parse(MeasureKind kind, String cell) throws Unreadable {
		String text = cell.strip();
		return switch (kind) {
			case COUNT, AMOUNT -> new ResultValue(number(text, "/value/number"), null, null, null, null, null, text);
			case PERCENTAGE -> new ResultValue(number(stripPercent(text), "/value/number"), null, null, null, null,
					null, text);
			case BOOLEAN -> new ResultValue(null, yesNo(text), null, null, null, null, text);
			case MILESTONE -> new ResultValue(null, null, milestones(text), null, null, null, text);
			case COMPOUND -> new ResultValue(null, null, null, null, null, components(text), text);
			case QUALITATIVE -> qualitative(text);
		};
	}

	static BigDecimal number(String text, String pointer) throws Unreadable {
		String cleaned = text.replace("€", "").replace("\u00a0", "").replace(" ", "");
		if (cleaned.length() > MAX_NUMBER_TEXT) {
			// never made into a BigDecimal: its digits alone say it is out of bounds
			int comma = cleaned.indexOf(',');
			boolean tooLarge = (comma < 0 ? cleaned.length() : comma) > MAX_NUMBER_TEXT / 2;
			throw new Unreadable(tooLarge ? Violation.of(pointer, "number-too-large", "1.000.000.000.000")
					: Violation.of(pointer, "number-too-precise", InputBounds.MAX_SCALE));
		}
		if (GROUPED.matcher(cleaned).matches() || PLAIN.matcher(cleaned).matches()) {
			return new BigDecimal(cleaned.replace(".", "").replace(',', '.'));
		}
		throw new Unreadable(Violation.of(pointer, "csv-not-a-number", text));
	}

	/** An Italian (dd/mm/yyyy) or ISO date, as ISO text. */
	static String date(String text, String pointer) throws Unreadable {
		String trimmed = text.strip();
		try {
			return LocalDate.parse(trimmed, ITALIAN_DATE).toString();
		}
		catch (DateTimeParseException e) {
			try {
				return LocalDate.parse(trimmed).toString();
			}
			catch (DateTimeParseException again) {
				throw new Unreadable(Violation.of(pointer, "not-a-date", text));
			}
		}
	}

	private static String stripPercent(String text) {
		return text.endsWith("%") ? text.substring(0, text.length() - 1).strip() : text;
	}

	private static Boolean yesNo(String text) throws Unreadable {
		String upper = text.toUpperCase(Locale.ITALIAN);
		return switch (upper) {
			case "SI", "SÌ", "SÍ", "S" -> Boolean.TRUE;
			case "NO", "N" -> Boolean.FALSE;
			default -> throw new Unreadable(Violation.of("/value/yes", "csv-not-yes-no", text));
		};
	}

	private static List<DeliveredMilestone> milestones(String text) throws Unreadable {
		List<DeliveredMilestone> delivered = new ArrayList<>();
		if (text.isEmpty() || text.equals("-")) {
			return delivered;
		}
		String[] parts = text.split("\\|");
		for (int i = 0; i < parts.length; i++) {
			String[] pair = parts[i].split("=", 2);
			String pointer = "/value/delivered/" + i;
			if (pair.length != 2 || pair[0].isBlank()) {
				throw new Unreadable(Violation.of(pointer, "csv-milestone-format", parts[i]));
			}
			delivered.add(new DeliveredMilestone(pair[0].strip(), date(pair[1], pointer + "/date")));
		}
		return delivered;
	}

	private static Map<String, BigDecimal> components(String text) throws Unreadable {
		Map<String, BigDecimal> components = new LinkedHashMap<>();
		for (String part : text.split("\\|")) {
			String[] pair = part.split("=", 2);
			if (pair.length != 2 || pair[0].isBlank()) {
				throw new Unreadable(Violation.of("/value/components", "csv-component-format", part));
			}
			String code = pair[0].strip();
			components.put(code, number(stripPercent(pair[1].strip()),
					"/value/components/" + Violation.escape(code)));
		}
		return components;
	}

	private static ResultValue qualitative(String text) throws Unreadable {
		String[] pair = text.split("\\|", 2);
		BigDecimal assessment = number(stripPercent(pair[0].strip()), "/value/assessment");
		String justification = pair.length == 2 && !pair[1].isBlank() ? pair[1].strip() : null;
		return new ResultValue(null, null, null, assessment, justification, null, text);
	}
}
