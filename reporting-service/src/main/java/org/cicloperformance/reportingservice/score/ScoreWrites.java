package org.cicloperformance.reportingservice.score;

import static org.springframework.data.mongodb.core.query.Criteria.where;

import com.mongodb.MongoBulkWriteException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.RollUp;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Writes the score documents of a batch in one ordered bulk write: for each document the parts of the objectives
 * that changed (new, write-once ids), then its summary, replaced only if it still has the revision this writer
 * read (an upsert whose filter names the revision: if another writer moved it, the insert it falls back to hits
 * the unique {@code _id} and the ordered bulk stops there); last, the parts the new summaries no longer name are
 * removed. A document whose summary was not written is reported back, its new parts removed, to be scored again
 * from the store.
 */
@Component
class ScoreWrites {

	/** Makes the ids of one instance's parts distinct from another's that writes the same revision. */
	private static final String WRITER = UUID.randomUUID().toString().substring(0, 8);

	private static final AtomicLong SEQUENCE = new AtomicLong();

	private final ScoreStore store;

	ScoreWrites(ScoreStore store) {
		this.store = store;
	}

	/** One document to write: as this writer last saw it stored ({@code before}, null when new) and as it is now. */
	record Change(ScoreStore.Stored before, ScoreDocument next) {
	}

	/** What a bulk write stored (by document id) and which changes were not written (another writer came first). */
	record Result(Map<String, ScoreStore.Stored> written, List<Change> missed) {
	}

	Result write(List<Change> changes) {
		if (changes.isEmpty()) {
			return new Result(Map.of(), List.of());
		}
		BulkOperations bulk = store.mongo().bulkOps(BulkMode.ORDERED, ScoreStore.COLLECTION);
		List<Integer> summaryIndex = new ArrayList<>(changes.size());
		List<List<String>> newParts = new ArrayList<>(changes.size());
		List<ScoreStore.Stored> after = new ArrayList<>(changes.size());
		List<String> superseded = new ArrayList<>();
		int operations = 0;
		for (Change change : changes) {
			ScoreDocument next = change.next();
			Map<String, IndicatorGroup> groups = split(next.scorecard());
			Map<String, String> previous = change.before() == null ? Map.of() : change.before().parts();
			Map<String, IndicatorGroup> previousGroups = change.before() == null ? Map.of()
					: split(change.before().document().scorecard());
			Map<String, String> ids = new LinkedHashMap<>();
			List<String> inserted = new ArrayList<>();
			for (Map.Entry<String, IndicatorGroup> group : groups.entrySet()) {
				String code = group.getKey();
				String kept = previous.get(code);
				if (kept != null && group.getValue().equals(previousGroups.get(code))) {
					ids.put(code, kept);
					continue;
				}
				String id = next.id() + "#" + code + "#" + next.revision() + "." + WRITER + "-"
						+ SEQUENCE.incrementAndGet();
				bulk.insert(new ScorePart(id, ScorePart.KIND, next.planId(), next.checkpoint(),
						stripped(group.getValue().objective()), group.getValue().indicators()));
				operations++;
				ids.put(code, id);
				inserted.add(id);
			}
			previous.values().stream().filter(id -> !ids.containsValue(id)).forEach(superseded::add);
			ScoreSummary summary = summary(next, List.copyOf(ids.values()));
			long expected = change.before() == null ? 0 : change.before().document().revision();
			if (expected == 0) {
				bulk.insert(summary);
			}
			else {
				bulk.replaceOne(Query.query(where("_id").is(next.id()).and("revision").is(expected)), summary,
						FindAndReplaceOptions.options().upsert());
			}
			summaryIndex.add(operations++);
			newParts.add(inserted);
			after.add(new ScoreStore.Stored(next, ids));
		}
		if (!superseded.isEmpty()) {
			bulk.remove(Query.query(where("_id").in(superseded)));
		}
		int failedAt = Integer.MAX_VALUE;
		try {
			bulk.execute();
		}
		catch (DataAccessException e) {
			failedAt = failedIndex(e);
		}
		Map<String, ScoreStore.Stored> written = new LinkedHashMap<>();
		List<Change> missed = new ArrayList<>();
		List<String> orphans = new ArrayList<>();
		for (int i = 0; i < changes.size(); i++) {
			if (summaryIndex.get(i) < failedAt) {
				written.put(changes.get(i).next().id(), after.get(i));
			}
			else {
				missed.add(changes.get(i));
				orphans.addAll(newParts.get(i));
			}
		}
		if (failedAt != Integer.MAX_VALUE) {
			// the removals at the end did not run: remove what the written summaries replaced, and the parts no
			// summary names
			List<String> unused = new ArrayList<>(orphans);
			for (int i = 0; i < changes.size(); i++) {
				Change change = changes.get(i);
				if (change.before() != null && written.containsKey(change.next().id())) {
					Map<String, String> now = after.get(i).parts();
					change.before().parts().values().stream().filter(id -> !now.containsValue(id)).forEach(unused::add);
				}
			}
			if (!unused.isEmpty()) {
				store.mongo().remove(Query.query(where("_id").in(unused)), ScoreStore.COLLECTION);
			}
		}
		return new Result(written, missed);
	}

	/** The index of the operation that stopped the bulk write; any other failure is thrown. */
	private static int failedIndex(DataAccessException e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof MongoBulkWriteException bulk && bulk.getWriteConcernError() == null
					&& !bulk.getWriteErrors().isEmpty()
					&& bulk.getWriteErrors().stream().allMatch(error -> error.getCode() == 11000)) {
				return bulk.getWriteErrors().get(0).getIndex();
			}
		}
		throw e;
	}

	/** An objective's score and its indicators', as one part stores them. */
	record IndicatorGroup(NodeScore objective, List<IndicatorScore> indicators) {
	}

	/** The scorecard's objectives in plan order, each with its indicators (which the plan lists objective by objective). */
	static Map<String, IndicatorGroup> split(Scorecard card) {
		Map<String, List<IndicatorScore>> indicators = new HashMap<>();
		card.indicators().forEach(i -> indicators.computeIfAbsent(i.objective(), o -> new ArrayList<>()).add(i));
		Map<String, IndicatorGroup> groups = new LinkedHashMap<>();
		card.objectives().forEach(o -> groups.put(o.code(),
				new IndicatorGroup(o, List.copyOf(indicators.getOrDefault(o.code(), List.of())))));
		return groups;
	}

	private static ScoreSummary summary(ScoreDocument document, List<String> parts) {
		Scorecard card = document.scorecard();
		return new ScoreSummary(document.id(), ScoreSummary.KIND, document.planId(), document.checkpoint(),
				document.checkpointDate(), document.finalCheckpoint(), document.checkpointLabel(), document.status(),
				document.revision(), document.computedAt(), card.checkpoint(), card.planVersion(),
				card.policyVersion(), parts, stripped(card.strategicObjectives()), stripped(card.strategicAreas()),
				stripped(card.entity()), stripped(card.managers()), stripped(card.organisationalAreas()),
				card.smvpId(), card.smvpVersion());
	}

	/**
	 * A node as stored: without its arithmetic texts, which are a function of its contributions and are built
	 * again on read ({@link #explained}), so that a write does not carry them.
	 */
	private static NodeScore stripped(NodeScore node) {
		return node == null ? null
				: new NodeScore(node.kind(), node.code(), node.name(), node.score(), node.coverage(),
						node.measuredWeight(), node.totalWeight(), node.weightBasis(), null, null,
						node.contributions());
	}

	private static List<NodeScore> stripped(List<NodeScore> nodes) {
		return nodes.stream().map(ScoreWrites::stripped).toList();
	}

	/** A stored node as the engine made it: every figure and text computed again from its contributions. */
	private static NodeScore explained(NodeScore node) {
		return node == null ? null
				: RollUp.of(node.kind(), node.code(), node.name(), node.weightBasis(), node.contributions());
	}

	private static List<NodeScore> explained(List<NodeScore> nodes) {
		return nodes.stream().map(ScoreWrites::explained).toList();
	}

	/** The document a summary and its parts (in the summary's order) make. */
	static ScoreStore.Stored assemble(ScoreSummary summary, List<ScorePart> parts) {
		List<IndicatorScore> indicators = new ArrayList<>();
		List<NodeScore> objectives = new ArrayList<>(parts.size());
		Map<String, String> ids = new LinkedHashMap<>();
		for (ScorePart part : parts) {
			indicators.addAll(part.indicators());
			objectives.add(explained(part.objective()));
			ids.put(Objects.requireNonNull(part.objective()).code(), part.id());
		}
		Scorecard card = new Scorecard(summary.scoredCheckpoint(), summary.planVersion(), summary.policyVersion(),
				indicators, objectives, explained(summary.strategicObjectives()), explained(summary.strategicAreas()),
				explained(summary.entity()), explained(summary.managers()), explained(summary.organisationalAreas()),
				summary.smvpId(), summary.smvpVersion());
		ScoreDocument document = new ScoreDocument(summary.id(), summary.planId(), summary.checkpoint(),
				summary.checkpointDate(), summary.finalCheckpoint(), summary.checkpointLabel(), summary.status(),
				summary.revision(), summary.computedAt(), card);
		return new ScoreStore.Stored(document, ids);
	}
}
