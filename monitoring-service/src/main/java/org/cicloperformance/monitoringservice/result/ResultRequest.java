package org.cicloperformance.monitoringservice.result;

import java.util.List;

/** One reported result, as posted to the API (and as each CSV line is read). */
public record ResultRequest(String planId, String objective, String indicator, String checkpoint, ResultValue value,
		String commentary, List<String> evidence, String reportedBy, String reason) {

	public ResultRequest {
		evidence = evidence == null ? List.of() : evidence.stream().filter(java.util.Objects::nonNull).toList();
	}
}
