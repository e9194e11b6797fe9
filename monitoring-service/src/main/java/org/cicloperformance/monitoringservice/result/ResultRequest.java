package org.cicloperformance.monitoringservice.result;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * One reported result, as posted to the API (and as each CSV line is read). {@code reportedBy} is not the
 * client's to say: the API replaces it with the authenticated user before anything else looks at the request.
 */
public record ResultRequest(String planId, String objective, String indicator, String checkpoint, ResultValue value,
		String commentary, List<String> evidence,
		@Schema(description = "Ignored: the result is recorded as reported by the authenticated user, whatever "
				+ "this field says. Accepted only so that existing clients and files keep working.",
				deprecated = true) String reportedBy,
		String reason,
		@Schema(description = "Optional category of the deviation's cause, explained by the commentary: EXTERNAL "
				+ "(cause esterne), INTERNAL (cause interne) or INDICATOR_DESIGN (legata alla costruzione "
				+ "dell'indicatore).", allowableValues = { "EXTERNAL", "INTERNAL", "INDICATOR_DESIGN" }) String deviationCause) {

	/** A request without a deviation cause (the shape before issue 15). */
	public ResultRequest(String planId, String objective, String indicator, String checkpoint, ResultValue value,
			String commentary, List<String> evidence, String reportedBy, String reason) {
		this(planId, objective, indicator, checkpoint, value, commentary, evidence, reportedBy, reason, null);
	}

	@JsonCreator
	public ResultRequest {
		evidence = evidence == null ? List.of() : evidence.stream().filter(java.util.Objects::nonNull).toList();
	}

	/** The same request, reported by {@code user}. */
	public ResultRequest asReportedBy(String user) {
		return new ResultRequest(planId, objective, indicator, checkpoint, value, commentary, evidence, user, reason,
				deviationCause);
	}
}
