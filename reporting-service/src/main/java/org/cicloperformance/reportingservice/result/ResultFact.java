package org.cicloperformance.reportingservice.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;

/**
 * A result version of one indicator at one checkpoint. The collection {@code results} holds the latest version per
 * indicator and checkpoint, {@code result_history} every version received. {@code deviation}, {@code commentary},
 * {@code evidence} and {@code deviationCause} (the office's category of the deviation's cause) do not score: the
 * dashboard and the reports show them. {@code interim}: true at an interim period of the calendar ({@code checkpoint}
 * is its date), whose results the forecast uses and the scores do not; null otherwise.
 */
public record ResultFact(@Id String id, String planId, String objective, String indicator, String checkpoint,
		int resultVersion, Integer planVersion, String eventId, Instant recordedAt, Instant receivedAt,
		String reportedBy, String reason, ResultEvent.Value value, ResultEvent.Deviation deviation, String commentary,
		List<String> evidence, String deviationCause, Boolean interim) {

	/** The stored shape: the canonical constructor, whatever the other one (documents without a cause read null). */
	@PersistenceCreator
	public ResultFact {
		interim = Boolean.TRUE.equals(interim) ? Boolean.TRUE : null;
	}

	/** A fact at a checkpoint of the plan (not an interim period). */
	public ResultFact(String id, String planId, String objective, String indicator, String checkpoint,
			int resultVersion, Integer planVersion, String eventId, Instant recordedAt, Instant receivedAt,
			String reportedBy, String reason, ResultEvent.Value value, ResultEvent.Deviation deviation,
			String commentary, List<String> evidence, String deviationCause) {
		this(id, planId, objective, indicator, checkpoint, resultVersion, planVersion, eventId, recordedAt,
				receivedAt, reportedBy, reason, value, deviation, commentary, evidence, deviationCause, null);
	}

	public boolean atInterimPeriod() {
		return Boolean.TRUE.equals(interim);
	}

	/** A fact without a deviation cause (the shape before issue 15). */
	public ResultFact(String id, String planId, String objective, String indicator, String checkpoint,
			int resultVersion, Integer planVersion, String eventId, Instant recordedAt, Instant receivedAt,
			String reportedBy, String reason, ResultEvent.Value value, ResultEvent.Deviation deviation,
			String commentary, List<String> evidence) {
		this(id, planId, objective, indicator, checkpoint, resultVersion, planVersion, eventId, recordedAt,
				receivedAt, reportedBy, reason, value, deviation, commentary, evidence, null, null);
	}

	public static String key(String planId, String objective, String indicator, String checkpoint) {
		return planId + "#" + objective + "#" + indicator + "#" + checkpoint;
	}

	public IndicatorResult toIndicatorResult() {
		ResultEvent.Value v = value == null ? new ResultEvent.Value(null, null, null, null, null, null, null) : value;
		List<IndicatorResult.Delivery> delivered = v.delivered() == null ? List.of()
				: v.delivered().stream().map(d -> new IndicatorResult.Delivery(d.milestone(), d.date())).toList();
		return new IndicatorResult(resultVersion, planVersion, v.number(), v.yes(), delivered, v.assessment(),
				v.components() == null ? null : v.components().entrySet().stream().filter(e -> e.getValue() != null)
						.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
				v.text());
	}
}
