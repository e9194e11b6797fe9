package org.cicloperformance.reportingservice.score;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cicloperformance.reportingservice.CacheSettings;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanMapper;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.result.InterimSettings;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/**
 * Keeps the score documents in step with the facts. Idempotent by construction: it compares what a document
 * already reflects (plan version, result version per indicator) with the stored facts, never with the event, so a
 * duplicate, an older version or a replay writes nothing, and a crash between the fact and the score is repaired
 * by the redelivery.
 * <p>
 * One writer per plan: result events are keyed by plan id, so the consumer that owns a partition owns its plans'
 * documents ({@link OwnedDocuments}). It keeps them in memory as it last wrote them (bounded), reads them from the
 * store on first use, and forgets them all when partitions are assigned or revoked ({@link #forgetOwnedState}), so
 * that the next owner starts from what was stored. Whole checkpoints are scored by {@link Rescoring}. A batch ({@link #onResults}) is one bulk write: the parts that changed, then the
 * summaries ({@link ScoreWrites}). The summary's revision still guards the rare second writer (a plan version
 * consumed elsewhere, a rebuild, a consumer that lost its partition without knowing): a miss reloads the document
 * and the facts and applies the batch again.
 */
@Service
public class ScoringService {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final Clock clock;

	private final OwnedDocuments documents;

	private final Rescoring rescoring;

	private final InterimSettings interim;

	@Autowired
	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, ScoreWrites writes, Clock clock,
			ApplicationEventPublisher events, CacheSettings caches, InterimSettings interim) {
		this.interim = interim;
		this.plans = plans;
		this.results = results;
		this.clock = clock;
		this.documents = new OwnedDocuments(scores, writes, events, caches.scoreIndicators());
		this.rescoring = new Rescoring(plans, results, documents, clock);
	}

	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, ScoreWrites writes, Clock clock,
			ApplicationEventPublisher events, CacheSettings caches) {
		this(plans, results, scores, writes, clock, events, caches, InterimSettings.NOT_SCORED);
	}

	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, Clock clock,
			ApplicationEventPublisher events, CacheSettings caches) {
		this(plans, results, scores, new ScoreWrites(scores), clock, events, caches);
	}

	/**
	 * Partitions were assigned or revoked: what this instance remembers of the documents may be another owner's
	 * past, so it is dropped and read again from the store on next use.
	 */
	public void forgetOwnedState() {
		documents.forgetAll();
	}

	/** A new plan version: rescore every checkpoint whose version in force may have changed. */
	public Outcome onPlanVersion(PlanEvent event) {
		// a plan this service cannot score must not become a fact: it goes to the dead-letter topic instead
		PlanMapper.toScoringPlan(event.planId(), event.version(), event.plan());
		plans.store(event);
		Set<String> checkpoints = new LinkedHashSet<>(event.appliesTo() == null ? List.of() : event.appliesTo());
		if (event.version() == 1 && event.plan().checkpoints() != null) {
			event.plan().checkpoints().forEach(c -> checkpoints.add(c.id()));
		}
		Outcome outcome = Outcome.UNCHANGED;
		for (String checkpoint : checkpoints) {
			if (rescoring.rescore(event.planId(), checkpoint, false, null).changed()) {
				outcome = Outcome.SCORED;
			}
		}
		return outcome;
	}

	public Outcome onResult(ResultEvent event) {
		return onResults(List.of(event)).get(0);
	}

	/**
	 * Scores a batch of results, in the order received: the outcome of each event, in the same order. A result
	 * superseded within the batch by a newer version of the same indicator, or repeated, is {@code UNCHANGED}.
	 * Every document the batch changes is written in one bulk write.
	 */
	public List<Outcome> onResults(List<ResultEvent> batch) {
		ResultFacts.Recorded recorded = results.recordAll(batch);
		Outcome[] outcomes = new Outcome[batch.size()];
		Map<String, List<Integer>> byDocument = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			ResultEvent event = batch.get(i);
			if (!interim.scores(event)) {
				// policy: a result at an interim period is a fact for the forecast, not scored (InterimSettings)
				outcomes[i] = Outcome.NOT_IN_PLAN;
				continue;
			}
			byDocument.computeIfAbsent(ScoreDocument.id(event.planId(), event.checkpoint()), id -> new ArrayList<>())
					.add(i);
		}
		List<ScoreWrites.Change> changes = new ArrayList<>();
		Map<String, List<Integer>> pending = new LinkedHashMap<>();
		List<List<Integer>> slow = new ArrayList<>();
		for (Map.Entry<String, List<Integer>> entry : byDocument.entrySet()) {
			List<Integer> positions = entry.getValue();
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			Prepared prepared = prepare(group, recorded.latest());
			if (prepared == null) {
				slow.add(positions);
			}
			else if (prepared.change() == null) {
				Outcomes.assign(outcomes, positions, prepared.outcomes());
			}
			else {
				changes.add(prepared.change());
				pending.put(entry.getKey(), positions);
			}
		}
		ScoreWrites.Result result = documents.writeAll(changes);
		for (ScoreWrites.Change change : changes) {
			String id = change.next().id();
			List<Integer> positions = pending.get(id);
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			ScoreStore.Stored written = result.written().get(id);
			if (written != null) {
				Outcomes.assign(outcomes, positions, Outcomes.of(group,
						change.before() == null ? null : change.before().document().scorecard(),
						written.document().scorecard()));
			}
			else {
				// another writer moved the document: apply the facts to what it stored
				slow.add(positions);
			}
		}
		for (List<Integer> positions : slow) {
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			Outcomes.assign(outcomes, positions, scoreDocument(group, recorded.latest()));
		}
		return List.of(outcomes);
	}

	/** A group's outcomes when nothing is to be written, or the change to write. */
	private record Prepared(List<Outcome> outcomes, ScoreWrites.Change change) {
	}

	/**
	 * What a group of results of one plan at one checkpoint changes, computed on the document as this instance
	 * holds it; null when it needs the careful path ({@link #scoreDocument}): a plan version this instance has not
	 * read yet.
	 */
	private Prepared prepare(List<ResultEvent> group, Map<String, ResultFact> facts) {
		String planId = group.get(0).planId();
		String checkpointId = group.get(0).checkpoint();
		Optional<PlanVersions.InForce> inForce = plans.scorerInForce(planId, checkpointId);
		if (inForce.isEmpty()) {
			return new Prepared(Outcomes.same(group, Outcome.AWAITING_PLAN), null);
		}
		PlanScorer scorer = inForce.get().scorer();
		Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
		if (checkpoint.isEmpty()) {
			return new Prepared(Outcomes.same(group, Outcome.NOT_IN_PLAN), null);
		}
		ScoreStore.Stored stored = documents.current(planId, checkpointId);
		if (stored == null || stored.document().scorecard().planVersion() != inForce.get().version()) {
			return null;
		}
		Scorecard current = stored.document().scorecard();
		Map<ResultKey, IndicatorResult> changes = changes(group, current, facts);
		if (changes.isEmpty()) {
			return new Prepared(Outcomes.of(group, current, current), null);
		}
		Scorecard updated = scorer.update(current, checkpoint.get(), changes);
		return new Prepared(null, new ScoreWrites.Change(stored, stored.document().next(updated, clock.instant())));
	}

	/** The results of a group whose latest version is not the one the scorecard uses. */
	private static Map<ResultKey, IndicatorResult> changes(List<ResultEvent> group, Scorecard current,
			Map<String, ResultFact> facts) {
		Map<ResultKey, IndicatorResult> changes = new LinkedHashMap<>();
		for (ResultEvent event : group) {
			String key = ResultFact.key(event.planId(), event.objective(), event.indicator(), event.checkpoint());
			ResultFact latest = facts.get(key);
			Optional<IndicatorScore> scored = current.indicator(event.objective(), event.indicator());
			if (latest == null || scored.isEmpty()) {
				continue;
			}
			IndicatorResult used = scored.get().result();
			if (used == null || used.resultVersion() != latest.resultVersion()) {
				changes.put(new ResultKey(event.objective(), event.indicator()), latest.toIndicatorResult());
			}
		}
		return changes;
	}

	/** Applies results of one plan at one checkpoint to its score document, with one write, retrying on a miss. */
	private List<Outcome> scoreDocument(List<ResultEvent> group, Map<String, ResultFact> recorded) {
		String planId = group.get(0).planId();
		String checkpointId = group.get(0).checkpoint();
		Map<String, ResultFact> facts = recorded;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<PlanVersions.InForce> inForce = plans.scorerInForce(planId, checkpointId);
			if (inForce.isEmpty()) {
				return Outcomes.same(group, Outcome.AWAITING_PLAN);
			}
			PlanScorer scorer = inForce.get().scorer();
			Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
			if (checkpoint.isEmpty()) {
				return Outcomes.same(group, Outcome.NOT_IN_PLAN);
			}
			ScoreStore.Stored stored = documents.current(planId, checkpointId);
			ScoreDocument document = stored == null ? null : stored.document();
			if (document != null && document.scorecard().planVersion() > inForce.get().version()) {
				// scored with a version stored by another instance: read the plan's versions again
				plans.reload(planId);
				continue;
			}
			if (document == null || document.scorecard().planVersion() != inForce.get().version()) {
				Rescoring.Rescore rescore = rescoring.rescore(planId, checkpointId, false, null);
				if (rescore.written()) {
					return Outcomes.of(group, document == null ? null : document.scorecard(), rescore.scorecard());
				}
				// another writer scored the checkpoint first, maybe from facts read before ours were stored
				continue;
			}
			Scorecard current = document.scorecard();
			Map<ResultKey, IndicatorResult> changes = changes(group, current, facts);
			if (changes.isEmpty()) {
				return Outcomes.of(group, current, current);
			}
			Scorecard updated = scorer.update(current, checkpoint.get(), changes);
			if (documents.write(stored, document.next(updated, clock.instant()))) {
				return Outcomes.of(group, current, updated);
			}
			// another writer changed the document: apply the latest facts to what it stored
			facts = results.latest(group.stream()
					.map(e -> ResultFact.key(planId, e.objective(), e.indicator(), checkpointId)).toList());
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}

	/** Recomputes every score document of one plan, or of all plans, from the stored facts. */
	public RebuildReport rebuild(Optional<String> planId) {
		return rescoring.rebuild(planId.map(List::of).orElseGet(plans::planIds));
	}

	/**
	 * Which documents a rebuild recomputed (writing those whose stored scores were not what the facts give) and
	 * which of them had different scores before (should be none).
	 */
	public record RebuildReport(List<String> rebuilt, List<String> differing) {
	}
}
