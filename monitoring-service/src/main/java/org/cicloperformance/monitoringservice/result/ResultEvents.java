package org.cicloperformance.monitoringservice.result;

import org.bson.Document;
import org.cicloperformance.monitoringservice.outbox.EventRebuilder;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.support.DocumentCodec;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The ResultRecorded of a result version, built in one place: when the version is written, and again from the stored
 * version if the relay ever reads it back. The results collection stores these events without their JSON (a version
 * already holds all they say, and kept twice it doubled every document the store rewrites on each append).
 */
@Component
@Qualifier("resultsOutbox")
class ResultEvents implements EventRebuilder {

	private final JsonMapper eventMapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();

	private final DocumentCodec codec = new DocumentCodec();

	OutboxEntry recorded(String planId, String entity, String objective, String indicator, String checkpoint,
			ResultVersion v) {
		ResultRecorded event = new ResultRecorded(ResultRecorded.TYPE, v.eventId(), planId, v.planVersion(), entity,
				objective, indicator, checkpoint, v.version(), v.value(), v.deviation(), v.commentary(), v.evidence(),
				v.reportedBy(), v.reason(), v.recordedAt(), v.deviationCause(), v.atInterimPeriod());
		return new OutboxEntry(v.eventId(), planId, ResultRecorded.TYPE, eventMapper.writeValueAsString(event),
				v.recordedAt().toEpochMilli());
	}

	/** Whether the store keeps this event without its JSON: a ResultRecorded, which its version rebuilds. */
	static boolean rebuildable(OutboxEntry event) {
		return ResultRecorded.TYPE.equals(event.eventType());
	}

	@Override
	public String payload(Document document, OutboxEntry event) {
		if (!rebuildable(event)) {
			return null;
		}
		ResultDocument result = codec.fromDocument(document, ResultDocument.class);
		return result.versions().stream().filter(v -> event.eventId().equals(v.eventId())).findFirst()
				.map(v -> recorded(result.planId(), result.entity(), result.objective(), result.indicator(),
						result.checkpoint(), v).payload())
				.orElse(null);
	}
}
