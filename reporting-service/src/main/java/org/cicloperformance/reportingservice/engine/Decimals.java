package org.cicloperformance.reportingservice.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Arithmetic and Italian formatting of the engine. Every stored achievement and score has {@link #SCALE} decimals
 * (rounded half-even) so that an incremental update and a rebuild produce identical numbers.
 */
public final class Decimals {

	public static final int SCALE = 10;

	static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	private Decimals() {
	}

	static BigDecimal divide(BigDecimal dividend, BigDecimal divisor) {
		return dividend.divide(divisor, SCALE, RoundingMode.HALF_EVEN);
	}

	static BigDecimal scaled(BigDecimal value) {
		return value.setScale(SCALE, RoundingMode.HALF_EVEN);
	}

	/** A fraction as a percentage with two decimals in Italian format: 0.8783 → "87,83%". */
	public static String percent(BigDecimal fraction) {
		return italian(fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP)) + "%";
	}

	/** A plain number in Italian format without useless zeros: 2799 → "2.799", 82.70 → "82,7", 1.0 → "1". */
	public static String number(BigDecimal value) {
		BigDecimal stripped = value.stripTrailingZeros();
		if (stripped.scale() < 0) {
			stripped = stripped.setScale(0);
		}
		return italian(stripped);
	}

	/** Italian grouping ('.') and decimal comma, keeping the scale of {@code value}. */
	public static String italian(BigDecimal value) {
		String plain = value.abs().toPlainString();
		int dot = plain.indexOf('.');
		String integer = dot < 0 ? plain : plain.substring(0, dot);
		String decimals = dot < 0 ? "" : plain.substring(dot + 1);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < integer.length(); i++) {
			if (i > 0 && (integer.length() - i) % 3 == 0) {
				grouped.append('.');
			}
			grouped.append(integer.charAt(i));
		}
		String sign = value.signum() < 0 ? "-" : "";
		return sign + grouped + (decimals.isEmpty() ? "" : "," + decimals);
	}
}
