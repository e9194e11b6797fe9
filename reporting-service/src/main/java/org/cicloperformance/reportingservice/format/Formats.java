package org.cicloperformance.reportingservice.format;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Numbers, amounts and dates as an Italian reader expects them ({@code 82,70%}, {@code 2.260}, {@code 1.234,00 €},
 * {@code 30/06/2018}): the one set of formats of the dashboard and the monitoring report, so that a figure prints
 * the same on both. English grouping ({@code 2,260}) when the reader's language is English; the day stays first.
 * Percentages round half up to two decimals, as the API's {@code scoreText} does, so the page, the report and the
 * API show the same digits. The dashboard's templates call it as {@code @fmt}.
 */
public final class Formats {

	/** What a missing value prints as. */
	public static final String NONE = "—";

	/** The plans' entities are in Italy: times are Rome's. */
	public static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ROME);

	private static final Formats ITALIAN = new Formats(() -> Locale.ITALIAN);

	/** The reader's language, asked at each call (the dashboard's follows the request). */
	private final Supplier<Locale> language;

	private Formats(Supplier<Locale> language) {
		this.language = language;
	}

	/** Always Italian: the report, an act of an Italian public body. */
	public static Formats italian() {
		return ITALIAN;
	}

	/** In the language {@code language} gives at the time of each call: English grouping for English, else Italian. */
	public static Formats following(Supplier<Locale> language) {
		return new Formats(language);
	}

	/** A fraction as a percentage: 0.9148 → {@code 91,48%}; null → {@code —}. */
	public String percent(BigDecimal fraction) {
		return fraction == null ? NONE : format(fraction.movePointRight(2), 2, 2) + "%";
	}

	/** A plain number without useless zeros: 2260 → {@code 2.260}, 82.70 → {@code 82,7}. */
	public String number(BigDecimal value) {
		return value == null ? NONE : format(value, 0, 10);
	}

	/** A difference with its sign: −73 → {@code -73}, 61 → {@code +61}. */
	public String signed(BigDecimal value) {
		if (value == null) {
			return NONE;
		}
		return (value.signum() > 0 ? "+" : "") + number(value);
	}

	/** An amount in euros, two decimals, the sign after: 1234 → {@code 1.234,00 €}. */
	public String euros(BigDecimal amount) {
		return amount == null ? NONE : format(amount, 2, 2) + " €";
	}

	public String date(LocalDate date) {
		return date == null ? NONE : DATE.format(date);
	}

	/** Day and time in Rome, where the plans' entities are. */
	public String dateTime(Instant instant) {
		return instant == null ? NONE : DATE_TIME.format(instant);
	}

	/** A percentage in 0–100 points as the results carry it: 82.70 → {@code 82,70%}. */
	public String points(BigDecimal percentagePoints) {
		return percentagePoints == null ? NONE : format(percentagePoints, 2, 2) + "%";
	}

	private String format(BigDecimal value, int minDecimals, int maxDecimals) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(numberLocale()));
		format.setMinimumFractionDigits(minDecimals);
		format.setMaximumFractionDigits(maxDecimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	private Locale numberLocale() {
		Locale locale = language.get();
		return locale != null && "en".equals(locale.getLanguage()) ? Locale.UK : Locale.ITALY;
	}
}
