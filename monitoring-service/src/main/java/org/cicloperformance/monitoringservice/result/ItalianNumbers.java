package org.cicloperformance.monitoringservice.result;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Italian number wording: "." groups thousands, "," separates decimals, scale kept (7,70 not 7,7). */
final class ItalianNumbers {

	private ItalianNumbers() {
	}

	public static String format(BigDecimal value) {
		DecimalFormat format = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ITALY));
		int scale = Math.max(0, value.scale());
		format.setMinimumFractionDigits(scale);
		format.setMaximumFractionDigits(scale);
		return format.format(value);
	}

	public static String signed(BigDecimal value) {
		return (value.signum() > 0 ? "+" : "") + format(value);
	}
}
