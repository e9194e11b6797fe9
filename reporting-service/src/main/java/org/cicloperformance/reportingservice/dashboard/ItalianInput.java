package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * What a clerk types in the result form, read the Italian way: "2.260", "1.234,5", "82,70%" and "30/06/2018"
 * (also "2018-06-30"). A dot is only ever a thousands separator: "1.5" is refused rather than read as 15 or 1,5.
 * Plain Java; a refusal names the message key the form shows next to the field.
 */
final class ItalianInput {

	/** Thousands grouped with dots, decimals after a comma. */
	private static final Pattern GROUPED = Pattern.compile("[+-]?\\d{1,3}(\\.\\d{3})+(,\\d+)?");

	private static final Pattern PLAIN = Pattern.compile("[+-]?\\d+(,\\d+)?");

	private static final DateTimeFormatter ITALIAN_DATE = DateTimeFormatter.ofPattern("d/M/uuuu")
			.withResolverStyle(ResolverStyle.STRICT);

	/** At most this many characters in a number field: the API's bounds are far inside. */
	private static final int MAX_LENGTH = 40;

	private ItalianInput() {
	}

	/** An input the form refuses, with the bundle key of the reason. */
	static final class Refused extends IllegalArgumentException {

		private final String key;

		Refused(String key) {
			super(key);
			this.key = key;
		}

		String key() {
			return key;
		}
	}

	/** The number typed, or null when the field is empty. */
	static BigDecimal number(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = text.strip().replace("\u00a0", "").replace(" ", "");
		if (cleaned.endsWith("%") || cleaned.endsWith("€")) {
			cleaned = cleaned.substring(0, cleaned.length() - 1);
		}
		if (cleaned.length() > MAX_LENGTH) {
			throw new Refused("entry.error.numberTooLong");
		}
		if (GROUPED.matcher(cleaned).matches() || PLAIN.matcher(cleaned).matches()) {
			return new BigDecimal(cleaned.replace(".", "").replace(',', '.'));
		}
		if (cleaned.matches("[+-]?\\d+\\.\\d+")) {
			throw new Refused("entry.error.decimalComma");
		}
		throw new Refused("entry.error.number");
	}

	/** The date typed, or null when the field is empty. */
	static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String cleaned = text.strip();
		if (cleaned.length() > MAX_LENGTH) {
			throw new Refused("entry.error.date");
		}
		try {
			return cleaned.contains("-") ? LocalDate.parse(cleaned) : LocalDate.parse(cleaned, ITALIAN_DATE);
		}
		catch (DateTimeParseException e) {
			throw new Refused("entry.error.date");
		}
	}
}
