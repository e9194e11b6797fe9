package org.cicloperformance.monitoringservice.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cicloperformance.monitoringservice.outbox.EventSizeLimit;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.cicloperformance.monitoringservice.result.ResultStore.Write;
import org.springframework.stereotype.Component;

/**
 * Writes accepted results. Each document is one atomic write of its new versions and their outbox events (an insert
 * for version 1, a compare-and-set on the current version after). A batch costs a constant number of round trips:
 * one read of the heads of all its documents, one bulk write of all of them (the items for the same document merged
 * into one write, their versions consecutive in request order), and only for a document that lost a race, the
 * item-by-item loop, retried.
 */
@Component
class ResultWriter {

	private static final int MAX_ATTEMPTS = 20;

	/**
	 * At most this many items of one document, or (past) this many characters of their events, in one write: a
	 * document's merged update stays far below the 16 MB of a BSON document (a version weighs about what its event
	 * does). More items for the same document go in the next round.
	 */
	private static final int MAX_MERGED = 100;

	private static final long MAX_MERGED_CHARS = 1_000_000;

	private final ResultStore results;

	private final Clock clock;

	private final EventSizeLimit eventSize;

	private final ResultEvents resultEvents;

	ResultWriter(ResultStore results, Clock clock, EventSizeLimit eventSize, ResultEvents events) {
		this.results = results;
		this.clock = clock;
		this.eventSize = eventSize;
		this.resultEvents = events;
	}

	/**
	 * Whether the item's event fits the producer's limit: checked on the event with the longest version number,
	 * event id and instant it can have, so what fits here fits when written.
	 */
	boolean eventFits(Accepted item) {
		ResultVersion longest = new ResultVersion(Integer.MIN_VALUE, item.planVersion().version(),
				item.request().value(), item.deviation(), item.request().commentary(), item.request().evidence(),
				item.request().reportedBy(), item.request().reason(),
				Instant.ofEpochMilli(clock.millis() / 1000 * 1000 + 999), new UUID(-1, -1).toString(), null,
				item.request().deviationCause(), item.interim());
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
		RecordedResult[] answers = new RecordedResult[accepted.size()];
		Map<String, Deque<Integer>> pending = new LinkedHashMap<>();
		for (int i = 0; i < accepted.size(); i++) {
			pending.computeIfAbsent(idOf(accepted.get(i).request()), id -> new ArrayDeque<>()).add(i);
		}
		// read in request order, so that the events' creation times (the relay's order across documents) follow it
		Instant[] recordedAt = new Instant[accepted.size()];
		for (int i = 0; i < recordedAt.length; i++) {
			recordedAt[i] = now();
		}
		Map<String, ResultDocument> heads = results.heads(pending.keySet(), requestId != null);
		if (requestId != null) {
			answerWritten(heads, pending, requestId, answers);
		}
		List<Integer> lost = new ArrayList<>();
		while (!pending.isEmpty()) {
			List<Write> writes = new ArrayList<>();
			List<List<Integer>> items = new ArrayList<>();
			for (Map.Entry<String, Deque<Integer>> document : pending.entrySet()) {
				List<Integer> merged = new ArrayList<>();
				writes.add(share(document.getKey(), heads.get(document.getKey()), document.getValue(), merged,
						accepted, recordedAt, requestId));
				items.add(merged);
			}
			Set<String> lostIds = results.writeAll(writes);
			for (int w = 0; w < writes.size(); w++) {
				Write write = writes.get(w);
				if (lostIds.contains(write.id())) {
					lost.addAll(items.get(w));
					lost.addAll(pending.remove(write.id()));
					continue;
				}
				answer(write, heads.get(write.id()), items.get(w), accepted, requestId != null, answers);
				heads.put(write.id(), write.document());
				if (pending.get(write.id()).isEmpty()) {
					pending.remove(write.id());
				}
			}
		}
		lost.sort(null);
		for (int i : lost) {
			answers[i] = writeOne(accepted.get(i), mark(requestId, i));
		}
		return List.of(answers);
	}

	/** Answers, and takes out of {@code pending}, the items a previous attempt of the same request has written. */
	private static void answerWritten(Map<String, ResultDocument> heads, Map<String, Deque<Integer>> pending,
			String requestId, RecordedResult[] answers) {
		for (Iterator<Map.Entry<String, Deque<Integer>>> it = pending.entrySet().iterator(); it.hasNext();) {
			Map.Entry<String, Deque<Integer>> document = it.next();
			ResultDocument head = heads.get(document.getKey());
			if (head == null) {
				continue;
			}
			document.getValue().removeIf(i -> {
				Optional<ResultVersion> done = head.versions().stream()
						.filter(v -> mark(requestId, i).equals(v.requestId())).findFirst();
				done.ifPresent(v -> answers[i] = RecordedResult.of(head, v));
				return done.isPresent();
			});
			if (document.getValue().isEmpty()) {
				it.remove();
			}
		}
	}

	/**
	 * The write of the next items of one document, in request order, numbered on from its head (a new document when
	 * there is none): the document to insert, or the new versions and events to append. {@code taken} receives the
	 * items merged into it; the rest stay in {@code items} for the next round.
	 */
	private Write share(String id, ResultDocument head, Deque<Integer> items, List<Integer> taken,
			List<Accepted> accepted, Instant[] recordedAt, String requestId) {
		int current = head == null ? 0 : head.currentVersion();
		List<ResultVersion> versions = new ArrayList<>();
		List<OutboxEntry> events = new ArrayList<>();
		long chars = 0;
		while (!items.isEmpty() && taken.size() < MAX_MERGED && chars < MAX_MERGED_CHARS) {
			int i = items.removeFirst();
			Accepted item = accepted.get(i);
			ResultVersion version = versionOf(item, current + versions.size() + 1, recordedAt[i],
					mark(requestId, i));
			OutboxEntry event = outboxEntry(item.request(), entityOf(item.planVersion()), version);
			versions.add(version);
			events.add(event);
			taken.add(i);
			chars += event.payload().length();
		}
		Accepted first = accepted.get(taken.get(0));
		ResultRequest r = first.request();
		return new Write(new ResultDocument(id, r.planId(), entityOf(first.planVersion()), r.objective(),
				r.indicator(), r.checkpoint(), current + versions.size(), versions, events,
				head == null ? List.of() : head.evidenceFiles()), current);
	}

	/**
	 * Each written item's answer, as the item-by-item write gave it: the files already attached listed only when the
	 * document was read whole anyway (with a request id; GET lists them always).
	 */
	private static void answer(Write write, ResultDocument head, List<Integer> items, List<Accepted> accepted,
			boolean readWhole, RecordedResult[] answers) {
		List<AttachedEvidence> attached = readWhole && head != null ? head.evidenceFiles() : List.of();
		for (int k = 0; k < items.size(); k++) {
			ResultRequest r = accepted.get(items.get(k)).request();
			ResultDocument asWritten = new ResultDocument(write.id(), r.planId(), write.document().entity(),
					r.objective(), r.indicator(), r.checkpoint(), write.document().currentVersion(), List.of(),
					List.of(), attached);
			answers[items.get(k)] = RecordedResult.of(asWritten, write.document().versions().get(k));
		}
	}

	private static String mark(String requestId, int index) {
		return requestId == null ? null : requestId + "#" + index;
	}

	private static String idOf(ResultRequest r) {
		return ResultDocument.idOf(r.planId(), r.objective(), r.indicator(), r.checkpoint());
	}

	private ResultVersion versionOf(Accepted item, int number, Instant recordedAt, String requestId) {
		ResultRequest r = item.request();
		return new ResultVersion(number, item.planVersion().version(), r.value(), item.deviation(), r.commentary(),
				r.evidence(), r.reportedBy(), r.reason(), recordedAt, UUID.randomUUID().toString(), requestId,
				r.deviationCause(), item.interim());
	}

	/** One item, read and written on its own until it wins: for the items of a document that lost a bulk race. */
	private RecordedResult writeOne(Accepted item, String requestId) {
		ResultRequest r = item.request();
		String id = idOf(r);
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
			ResultVersion version = versionOf(item, current + 1, now(), requestId);
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
		return resultEvents.recorded(r.planId(), entity, r.objective(), r.indicator(), r.checkpoint(), v);
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
