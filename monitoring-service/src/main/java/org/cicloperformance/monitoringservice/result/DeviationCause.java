package org.cicloperformance.monitoringservice.result;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * The office's category of the cause of a deviation, given with its commentary (the explanation the Relazione sulla
 * performance reports): outside the body's control, inside it, or due to how the indicator was built. Labels in
 * the message bundles ({@code deviationCause.<code>}).
 */
public enum DeviationCause {

	EXTERNAL, INTERNAL, INDICATOR_DESIGN;

	/** The cause with this code (exactly, as the JSON API sends it). */
	public static Optional<DeviationCause> of(String code) {
		for (DeviationCause cause : values()) {
			if (cause.name().equals(code)) {
				return Optional.of(cause);
			}
		}
		return Optional.empty();
	}

	/**
	 * A CSV cell: the code in any case, or the Italian words of the label ("esterna", "interna", "indicatore" /
	 * "costruzione dell'indicatore"). Anything else is returned as it is, for the checker to refuse by name.
	 */
	public static String fromCell(String cell) {
		if (cell == null || cell.isBlank()) {
			return null;
		}
		String text = Normalizer.normalize(cell.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
		for (DeviationCause cause : values()) {
			if (cause.name().toLowerCase(Locale.ROOT).equals(text)) {
				return cause.name();
			}
		}
		if (text.contains("indicatore")) {
			return INDICATOR_DESIGN.name();
		}
		if (text.contains("estern")) {
			return EXTERNAL.name();
		}
		if (text.contains("intern")) {
			return INTERNAL.name();
		}
		return cell.strip();
	}
}
