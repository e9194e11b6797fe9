package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers and dates as the reader expects them: Italian by default ({@code 82,70%}, {@code 2.260},
 * {@code 30/06/2018}), English grouping when the dashboard is in English. Percentages round half up to two decimals,
 * as the API's {@code scoreText} does, so the page and the API show the same digits. Templates call it as
 * {@code @fmt}.
 */
@Component("fmt")
class Formats {

	static final String NONE = "—";

	static final ZoneId ROME = ZoneId.of("Europe/Rome");

	private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ROME);

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

	private static String format(BigDecimal value, int minDecimals, int maxDecimals) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(numberLocale()));
		format.setMinimumFractionDigits(minDecimals);
		format.setMaximumFractionDigits(maxDecimals);
		format.setRoundingMode(RoundingMode.HALF_UP);
		return format.format(value);
	}

	private static Locale numberLocale() {
		return "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? Locale.UK : Locale.ITALY;
	}
}
