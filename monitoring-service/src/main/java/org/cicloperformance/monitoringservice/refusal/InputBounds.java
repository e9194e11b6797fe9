package org.cicloperformance.monitoringservice.refusal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The bounds of every value a request may carry, far beyond what a public body's figures and texts reach. They are
 * checked before anything else looks at a value: a number is judged by its precision and scale, which BigDecimal
 * knows without computing, so {@code 1e1000000} is refused without ever being subtracted, formatted or written in
 * full. Refusals never repeat the offending value (it may be huge). Plain Java.
 */
public final class InputBounds {

	/** |x| ≤ 10^12: more than any budget line of a public body, in euro or units. */
	public static final BigDecimal MAX_MAGNITUDE = BigDecimal.TEN.pow(12);

	/** At most 6 decimals (a percentage to 0.0001 points is already more than any report shows). */
	public static final int MAX_SCALE = 6;

	/** Commentary, reason, justification, description: about ten printed pages. */
	public static final int MAX_TEXT = 20_000;

	/** Plan, objective, indicator, checkpoint, milestone and component codes, managers, proposal ids. */
	public static final int MAX_CODE = 200;

	/** An evidence reference (a file name or a link). */
	public static final int MAX_REFERENCE = 1_000;

	/** Evidence references, milestones delivered, components, proposals of one item. */
	public static final int MAX_ITEMS = 100;

	/** Results in one batch or one CSV file. */
	public static final int MAX_BATCH = 1_000;

	private InputBounds() {
	}

	/** Empty when the number is within the magnitude and scale bounds. Reads only precision and scale. */
	public static Optional<Violation> number(String pointer, BigDecimal number) {
		if (number == null) {
			return Optional.empty();
		}
		// precision - scale is the number of integer digits: more than 13 is above 10^12 whatever they are
		if (number.precision() - number.scale() > 13 || number.abs().compareTo(MAX_MAGNITUDE) > 0) {
			return Optional.of(Violation.of(pointer, "number-too-large", "1.000.000.000.000"));
		}
		if (number.scale() > MAX_SCALE) {
			return Optional.of(Violation.of(pointer, "number-too-precise", MAX_SCALE));
		}
		return Optional.empty();
	}

	/** Empty when the text is at most {@code max} characters without C0 control characters but tab, CR and LF. */
	public static Optional<Violation> text(String pointer, String text, int max) {
		if (text == null) {
			return Optional.empty();
		}
		if (text.length() > max) {
			return Optional.of(Violation.of(pointer, "text-too-long", max));
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				// the reports are XHTML, where these characters are not allowed at all
				return Optional.of(Violation.of(pointer, "control-character", String.format("U+%04X", (int) c), i + 1));
			}
		}
		return Optional.empty();
	}

	public static Optional<Violation> code(String pointer, String code) {
		return text(pointer, code, MAX_CODE);
	}

	/** Empty when the list has at most {@link #MAX_ITEMS} elements. */
	public static Optional<Violation> items(String pointer, List<?> items) {
		return items != null && items.size() > MAX_ITEMS ? Optional.of(Violation.of(pointer, "too-many-items", MAX_ITEMS))
				: Optional.empty();
	}

	/** Adds the violation, if any, to {@code into}. */
	public static void check(List<Violation> into, Optional<Violation> violation) {
		violation.ifPresent(into::add);
	}
}
