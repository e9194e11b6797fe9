package org.cicloperformance.monitoringservice.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cicloperformance.monitoringservice.outbox.EventSizeLimit;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.springframework.stereotype.Component;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes accepted results: each item is one atomic write of its version and its outbox event (an insert for version
 * 1, a compare-and-set on the current version after), retried on a lost race.
 */
@Component
class ResultWriter {

	private static final int MAX_ATTEMPTS = 20;

	private final ResultStore results;

	private final Clock clock;

	private final EventSizeLimit eventSize;

	private final JsonMapper eventMapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();

	ResultWriter(ResultStore results, Clock clock, EventSizeLimit eventSize) {
		this.results = results;
		this.clock = clock;
		this.eventSize = eventSize;
	}

	/**
	 * Whether the item's event fits the producer's limit: checked on the event with the longest version number,
	 * event id and instant it can have, so what fits here fits when written.
	 */
	boolean eventFits(Accepted item) {
		ResultVersion longest = new ResultVersion(Integer.MIN_VALUE, item.planVersion().version(),
				item.request().value(), item.deviation(), item.request().commentary(), item.request().evidence(),
				item.request().reportedBy(), item.request().reason(),
				Instant.ofEpochMilli(clock.millis() / 1000 * 1000 + 999), new UUID(-1, -1).toString(), null);
		return eventSize.fits(outboxEntry(item.request(), entityOf(item.planVersion()), longest).payload());
	}

	int maxEventBytes() {
		return eventSize.maxPayloadBytes();
	}

	/**
	 * Writes the accepted items in order. {@code requestId} (from the Idempotency-Key, may be null) plus the item's
	 * index marks each version, so that a retry after a failure half-way finds what was written and goes on.
	 */
	List<RecordedResult> write(List<Accepted> accepted, String requestId) {
		List<RecordedResult> written = new ArrayList<>();
		for (int i = 0; i < accepted.size(); i++) {
			written.add(writeOne(accepted.get(i), requestId == null ? null : requestId + "#" + i));
		}
		return written;
	}

	private RecordedResult writeOne(Accepted item, String requestId) {
		ResultRequest r = item.request();
		String id = ResultDocument.idOf(r.planId(), r.objective(), r.indicator(), r.checkpoint());
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int current;
			// the answer lists the files already attached when the document was read anyway (GET lists them always)
			List<AttachedEvidence> attached = List.of();
			if (requestId != null) {
				Optional<ResultDocument> existing = results.find(id);
				Optional<ResultVersion> done = existing.stream().flatMap(d -> d.versions().stream())
						.filter(v -> requestId.equals(v.requestId())).findFirst();
				if (done.isPresent()) {
					return RecordedResult.of(existing.get(), done.get());
				}
				current = existing.map(ResultDocument::currentVersion).orElse(0);
				attached = existing.map(ResultDocument::evidenceFiles).orElse(List.of());
			}
			else {
				// Without a request id only the current version matters: its versions are not read.
				current = results.currentVersion(id).orElse(0);
			}
			ResultVersion version = new ResultVersion(current + 1, item.planVersion().version(), r.value(),
					item.deviation(), r.commentary(), r.evidence(), r.reportedBy(), r.reason(), now(),
					UUID.randomUUID().toString(), requestId);
			String entity = entityOf(item.planVersion());
			OutboxEntry event = outboxEntry(r, entity, version);
			ResultDocument document = new ResultDocument(id, r.planId(), entity, r.objective(), r.indicator(),
					r.checkpoint(), version.version(), List.of(version), List.of(event), attached);
			boolean stored = current == 0 ? results.insertFirst(document) : results.append(id, current, version, event);
			if (stored) {
				return RecordedResult.of(document, version);
			}
		}
		throw new ConcurrentUpdateException(id);
	}

	private OutboxEntry outboxEntry(ResultRequest r, String entity, ResultVersion v) {
		ResultRecorded event = new ResultRecorded(ResultRecorded.TYPE, v.eventId(), r.planId(), v.planVersion(),
				entity, r.objective(), r.indicator(), r.checkpoint(), v.version(), v.value(), v.deviation(),
				v.commentary(), v.evidence(), v.reportedBy(), v.reason(), v.recordedAt());
		return new OutboxEntry(v.eventId(), r.planId(), ResultRecorded.TYPE, eventMapper.writeValueAsString(event),
				v.recordedAt().toEpochMilli());
	}

	private static String entityOf(PlanVersion version) {
		if (version.entity() != null) {
			return version.entity();
		}
		return version.content() == null ? null : version.content().entity();
	}

	private Instant now() {
		// Millisecond precision: what BSON dates and most clients keep, so a stored instant reads back equal.
		return Instant.ofEpochMilli(clock.millis());
	}
}
