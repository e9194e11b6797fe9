package org.cicloperformance.planservice.plan.web;

import org.cicloperformance.planservice.plan.InvalidPlanException;
import org.cicloperformance.planservice.plan.Violation;
import java.util.List;

/** The ETag of a plan is its revision counter, quoted; If-Match carries it back. */
final class ETags {

	private ETags() {
	}

	static String of(long revision) {
		return "\"" + revision + "\"";
	}

	static Long revision(String ifMatch) {
		if (ifMatch == null || ifMatch.isBlank()) {
			return null;
		}
		var value = ifMatch.trim();
		if (value.startsWith("W/")) {
			value = value.substring(2);
		}
		value = value.replace("\"", "");
		try {
			return Long.parseLong(value);
		}
		catch (NumberFormatException e) {
			throw new InvalidPlanException(List.of(Violation.of("/headers/If-Match", "ifMatch.format", ifMatch)));
		}
	}
}
