package org.cicloperformance.monitoringservice.result;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cicloperformance.monitoringservice.outbox.EventSizeLimit;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.plan.PlanVersionStore;
import org.cicloperformance.monitoringservice.plan.VersionInForce;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.cicloperformance.monitoringservice.result.ResultChecker.Outcome;
import org.cicloperformance.monitoringservice.result.ResultChecker.Refused;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.springframework.stereotype.Service;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records results: checks every item of a request against the plan read model first, and writes only when all
 * are valid. Each item is then one atomic write of its version and its outbox event.
 */
@Service
public class ResultService {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersionStore plans;

	private final ResultStore results;

	private final Clock clock;

	private final MeterRegistry meters;

	private final JsonMapper eventMapper = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
			.build();

	private final EventSizeLimit eventSize;

	ResultService(PlanVersionStore plans, ResultStore results, Clock clock, MeterRegistry meters,
			EventSizeLimit eventSize) {
		this.plans = plans;
		this.results = results;
		this.clock = clock;
		this.meters = meters;
		this.eventSize = eventSize;
	}

	/** The plans of {@code entity}, for one request. */
	public PlanLookup plansOf(String entity) {
		return new PlanLookup(plans, entity);
	}

	/** The outcome of each item, in order, against the plans the lookup sees. */
	public List<Outcome> check(List<ResultRequest> requests, PlanLookup plans) {
		List<Outcome> outcomes = new ArrayList<>();
		for (ResultRequest request : requests) {
			Outcome outcome = ResultChecker.check(request, plans.versionsOf(request.planId()));
			if (outcome instanceof Accepted accepted && !eventSize.fits(largestEvent(accepted))) {
				outcome = new Refused(List.of(Violation.of("", "event-too-large", eventSize.maxPayloadBytes())));
			}
			outcomes.add(outcome);
		}
		return outcomes;
	}

	/**
	 * The item's event as it will be written, with the longest version number, event id and instant it can have:
	 * what fits here fits when written.
	 */
	private String largestEvent(Accepted item) {
		ResultVersion longest = new ResultVersion(Integer.MIN_VALUE, item.planVersion().version(),
				item.request().value(), item.deviation(), item.request().commentary(), item.request().evidence(),
				item.request().reportedBy(), item.request().reason(), Instant.ofEpochMilli(clock.millis() / 1000 * 1000 + 999),
				new UUID(-1, -1).toString(), null);
		return outboxEntry(item.request(), entityOf(item.planVersion()), longest).payload();
	}

	/** A measure-kind lookup for CSV reading, against the plans the lookup sees. */
	public CsvResults.KindLookup kindLookup(PlanLookup plans) {
		return (planId, objective, indicator, checkpoint) -> {
			if (planId.isBlank() || checkpoint.isBlank()) {
				return Optional.empty();
			}
			List<PlanVersion> received = plans.versionsOf(planId);
			if (!(VersionInForce.resolve(received, checkpoint) instanceof VersionInForce.InForce inForce)) {
				return Optional.empty();
			}
			return inForce.version().content().objective(objective).flatMap(o -> o.indicator(indicator))
					.map(IndicatorDef::measureKind);
		};
	}

	/** Counts a refused request: each invalid item by its first reason, each valid one as "batch-rejected". */
	public void countRefused(List<Outcome> outcomes) {
		for (Outcome outcome : outcomes) {
			String reason = outcome instanceof Refused refused ? refused.violations().get(0).code() : "batch-rejected";
			meters.counter("monitoring.results.refused", "reason", reason).increment();
		}
	}

	public void countRefused(String reason, int count) {
		meters.counter("monitoring.results.refused", "reason", reason).increment(count);
	}

	/**
	 * Writes the accepted items in order. {@code requestId} (from the Idempotency-Key, may be null) plus the item's
	 * index marks each version, so that a retry after a failure half-way finds what was written and goes on.
	 */
	public List<RecordedResult> write(List<Accepted> accepted, String requestId) {
		List<RecordedResult> written = new ArrayList<>();
		for (int i = 0; i < accepted.size(); i++) {
			written.add(writeOne(accepted.get(i), requestId == null ? null : requestId + "#" + i));
			meters.counter("monitoring.results.accepted").increment();
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
		throw new ConcurrentResultUpdateException(id);
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

	/** The latest version of each result of {@code entity}, optionally of one plan and/or checkpoint. */
	public List<RecordedResult> latest(String entity, String planId, String checkpoint) {
		if (entity == null) {
			return List.of();
		}
		return results.byPlan(entity, planId, checkpoint).stream().map(d -> RecordedResult.of(d, d.current()))
				.toList();
	}

	/** Every version of one result, when it exists and belongs to {@code entity}. */
	public Optional<List<RecordedResult>> history(String entity, String planId, String objective, String indicator,
			String checkpoint) {
		return results.find(ResultDocument.idOf(planId, objective, indicator, checkpoint))
				.filter(d -> entity != null && entity.equals(d.entity()))
				.map(d -> d.versions().stream().map(v -> RecordedResult.of(d, v)).toList());
	}

	public static class ConcurrentResultUpdateException extends RuntimeException {

		public ConcurrentResultUpdateException(String id) {
			super("too many concurrent updates of " + id);
		}
	}
}
