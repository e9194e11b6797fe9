package org.cicloperformance.monitoringservice.refusal;

import java.util.List;

/**
 * Why a request is refused: a JSON pointer to the field, a stable code (also the {@code reason} tag of the
 * refusal metric and the key {@code error.<code>} of the message bundles) and the message arguments.
 * {@code line} is set for CSV lines.
 */
public record Violation(String pointer, String code, List<Object> args, Integer line, String column) {

	public Violation {
		args = args == null ? List.of() : args.stream().map(a -> a == null ? (Object) "" : a).toList();
	}

	public static Violation of(String pointer, String code, Object... args) {
		return new Violation(pointer, code, List.of(args), null, null);
	}

	public Violation under(String prefix) {
		return new Violation(prefix + pointer, code, args, line, column);
	}

	public Violation atLine(int newLine, String newColumn) {
		return new Violation(pointer, code, args, newLine, newColumn);
	}

	/** The HTTP status this refusal calls for on its own. */
	public int status() {
		return switch (code) {
			case "plan-unknown", "result-unknown", "evidence-unknown", "calendar-unknown", "demo-clock-disabled" -> 404;
			case "evidence-too-large", "csv-too-large" -> 413;
			case "evidence-type-unsupported", "evidence-content-mismatch" -> 415;
			case "area-forbidden", "manager-forbidden", "manager-not-due" -> 403;
			case "plan-version-not-received", "concurrent-update", "idempotency-in-progress", "checkpoint-closed",
					"checkpoint-under-review", "checkpoint-state", "verdict-missing", "verdict-outdated", "verdict-rejected",
					"result-missing", "result-version-stale" -> 409;
			case "malformed", "unreadable-csv", "csv-header", "csv-empty", "idempotency-key-invalid" -> 400;
			default -> 422;
		};
	}

	/** JSON pointer escaping of a map key or field name. */
	public static String escape(String token) {
		return token.replace("~", "~0").replace("/", "~1");
	}
}
