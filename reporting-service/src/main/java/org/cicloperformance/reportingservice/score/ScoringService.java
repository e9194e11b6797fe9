package org.cicloperformance.reportingservice.score;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * documents. It keeps them in memory as it last wrote them (bounded), reads them from the store on first use, and
 * forgets them all when partitions are assigned or revoked ({@link #forgetOwnedState}), so that the next owner
 * starts from what was stored. A batch ({@link #onResults}) is one bulk write: the parts that changed, then the
 * summaries ({@link ScoreWrites}). The summary's revision still guards the rare second writer (a plan version
 * consumed elsewhere, a rebuild, a consumer that lost its partition without knowing): a miss reloads the document
 * and the facts and applies the batch again.
 */
@Service
public class ScoringService {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ScoreStore scores;

	private final ScoreWrites writes;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Score documents of the plans this instance owns, as it last wrote (or read) them, by id. */
	private final Cache<String, ScoreStore.Stored> documents;

	@Autowired
	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, ScoreWrites writes, Clock clock,
			ApplicationEventPublisher events, CacheSettings caches) {
		this.plans = plans;
		this.results = results;
		this.scores = scores;
		this.writes = writes;
		this.clock = clock;
		this.events = events;
		this.documents = Caffeine.newBuilder().maximumSize(Math.max(1, caches.scoreDocuments())).build();
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
		documents.invalidateAll();
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
			if (rescore(event.planId(), checkpoint, false, null).changed()) {
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
		Map<String, List<Integer>> byDocument = new LinkedHashMap<>();
		for (int i = 0; i < batch.size(); i++) {
			ResultEvent event = batch.get(i);
			byDocument.computeIfAbsent(ScoreDocument.id(event.planId(), event.checkpoint()), id -> new ArrayList<>())
					.add(i);
		}
		Outcome[] outcomes = new Outcome[batch.size()];
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
				assign(outcomes, positions, prepared.outcomes());
			}
			else {
				changes.add(prepared.change());
				pending.put(entry.getKey(), positions);
			}
		}
		ScoreWrites.Result result;
		try {
			result = writes.write(changes);
		}
		catch (RuntimeException e) {
			changes.forEach(c -> documents.invalidate(c.next().id()));
			throw e;
		}
		for (ScoreWrites.Change change : changes) {
			String id = change.next().id();
			List<Integer> positions = pending.get(id);
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			ScoreStore.Stored written = result.written().get(id);
			if (written != null) {
				stored(written);
				assign(outcomes, positions, outcomes(group,
						change.before() == null ? null : change.before().document().scorecard(),
						written.document().scorecard()));
			}
			else {
				// another writer moved the document: apply the facts to what it stored
				documents.invalidate(id);
				slow.add(positions);
			}
		}
		for (List<Integer> positions : slow) {
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			assign(outcomes, positions, scoreDocument(group, recorded.latest()));
		}
		return List.of(outcomes);
	}

	private static void assign(Outcome[] outcomes, List<Integer> positions, List<Outcome> scored) {
		for (int i = 0; i < positions.size(); i++) {
			outcomes[positions.get(i)] = scored.get(i);
		}
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
			return new Prepared(same(group, Outcome.AWAITING_PLAN), null);
		}
		PlanScorer scorer = inForce.get().scorer();
		Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
		if (checkpoint.isEmpty()) {
			return new Prepared(same(group, Outcome.NOT_IN_PLAN), null);
		}
		ScoreStore.Stored stored = current(planId, checkpointId);
		if (stored == null || stored.document().scorecard().planVersion() != inForce.get().version()) {
			return null;
		}
		Scorecard current = stored.document().scorecard();
		Map<ResultKey, IndicatorResult> changes = changes(group, current, facts);
		if (changes.isEmpty()) {
			return new Prepared(outcomes(group, current, current), null);
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
				return same(group, Outcome.AWAITING_PLAN);
			}
			PlanScorer scorer = inForce.get().scorer();
			Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
			if (checkpoint.isEmpty()) {
				return same(group, Outcome.NOT_IN_PLAN);
			}
			ScoreStore.Stored stored = current(planId, checkpointId);
			ScoreDocument document = stored == null ? null : stored.document();
			if (document != null && document.scorecard().planVersion() > inForce.get().version()) {
				// scored with a version stored by another instance: read the plan's versions again
				plans.reload(planId);
				continue;
			}
			if (document == null || document.scorecard().planVersion() != inForce.get().version()) {
				Rescore rescore = rescore(planId, checkpointId, false, null);
				if (rescore.written()) {
					return outcomes(group, document == null ? null : document.scorecard(), rescore.scorecard());
				}
				// another writer scored the checkpoint first, maybe from facts read before ours were stored
				continue;
			}
			Scorecard current = document.scorecard();
			Map<ResultKey, IndicatorResult> changes = changes(group, current, facts);
			if (changes.isEmpty()) {
				return outcomes(group, current, current);
			}
			Scorecard updated = scorer.update(current, checkpoint.get(), changes);
			if (write(stored, document.next(updated, clock.instant()))) {
				return outcomes(group, current, updated);
			}
			// another writer changed the document: apply the latest facts to what it stored
			facts = results.latest(group.stream()
					.map(e -> ResultFact.key(planId, e.objective(), e.indicator(), checkpointId)).toList());
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}

	/**
	 * What each event of a group did: {@code SCORED} when the document now uses its result version and did not
	 * before (the first copy of it in the group), {@code UNCHANGED} otherwise, {@code NOT_IN_PLAN} for an indicator
	 * the version in force does not have.
	 */
	private static List<Outcome> outcomes(List<ResultEvent> group, Scorecard before, Scorecard after) {
		List<Outcome> outcomes = new ArrayList<>(group.size());
		Set<String> counted = new HashSet<>();
		Map<String, Integer> usedBefore = new HashMap<>();
		if (before != null && before.planVersion() == after.planVersion()) {
			before.indicators().forEach(i -> usedBefore.put(i.objective() + "#" + i.indicator(),
					i.result() == null ? 0 : i.result().resultVersion()));
		}
		Map<String, IndicatorScore> now = new HashMap<>();
		after.indicators().forEach(i -> now.put(i.objective() + "#" + i.indicator(), i));
		for (ResultEvent event : group) {
			String indicator = event.objective() + "#" + event.indicator();
			IndicatorScore score = now.get(indicator);
			if (score == null) {
				outcomes.add(Outcome.NOT_IN_PLAN);
				continue;
			}
			int version = event.resultVersion();
			boolean scored = score.result() != null && score.result().resultVersion() == version
					&& !Integer.valueOf(version).equals(usedBefore.get(indicator))
					&& counted.add(indicator + "#" + version);
			outcomes.add(scored ? Outcome.SCORED : Outcome.UNCHANGED);
		}
		return outcomes;
	}

	private static List<Outcome> same(List<ResultEvent> group, Outcome outcome) {
		return group.stream().map(e -> outcome).toList();
	}

	/** Recomputes every score document of one plan, or of all plans, from the stored facts. */
	public RebuildReport rebuild(Optional<String> planId) {
		List<String> planIds = planId.map(List::of).orElseGet(plans::planIds);
		List<String> rebuilt = new ArrayList<>();
		List<String> differing = new ArrayList<>();
		for (String id : planIds) {
			Set<String> checkpoints = new LinkedHashSet<>();
			for (int version : plans.versionNumbers(id)) {
				plans.scorer(id, version).plan().checkpoints().forEach(c -> checkpoints.add(c.id()));
			}
			// the facts of the whole plan are read once, then scored checkpoint by checkpoint
			Map<String, List<ResultFact>> facts = new HashMap<>();
			results.latestOf(id).forEach(f -> facts.computeIfAbsent(f.checkpoint(), c -> new ArrayList<>()).add(f));
			for (String checkpoint : checkpoints) {
				Rescore rescore = rescore(id, checkpoint, true, facts.getOrDefault(checkpoint, List.of()));
				if (rescore.written()) {
					rebuilt.add(ScoreDocument.id(id, checkpoint));
				}
				if (rescore.changed()) {
					differing.add(ScoreDocument.id(id, checkpoint));
				}
			}
		}
		return new RebuildReport(rebuilt, differing);
	}

	/**
	 * Which documents a rebuild recomputed (writing those whose stored scores were not what the facts give) and
	 * which of them had different scores before (should be none).
	 */
	public record RebuildReport(List<String> rebuilt, List<String> differing) {
	}

	/** {@code written}: the document is now as the facts give it (for a rebuild, also when it already was). */
	private record Rescore(boolean written, boolean changed, Scorecard scorecard) {
	}

	/**
	 * Scores a whole checkpoint from the facts ({@code facts}, or those stored when null). Without {@code force}, a
	 * document already scored with the version in force is left alone: its results are kept current one by one. A
	 * forced rescore (a rebuild) compares with the document as stored, not as this instance remembers it.
	 */
	private Rescore rescore(String planId, String checkpointId, boolean force, List<ResultFact> facts) {
		List<ResultFact> given = facts;
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<PlanVersions.InForce> version = plans.scorerInForce(planId, checkpointId);
			if (version.isEmpty()) {
				return new Rescore(false, false, null);
			}
			PlanScorer scorer = version.get().scorer();
			Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
			if (checkpoint.isEmpty()) {
				return new Rescore(false, false, null);
			}
			Optional<ScoreStore.Stored> stored = Optional
					.ofNullable(force ? stored(planId, checkpointId) : current(planId, checkpointId));
			Optional<ScoreDocument> document = stored.map(ScoreStore.Stored::document);
			if (document.isPresent() && document.get().scorecard().planVersion() > version.get().version()) {
				plans.reload(planId);
				continue;
			}
			if (!force && document.isPresent()
					&& document.get().scorecard().planVersion() == version.get().version()) {
				return new Rescore(false, false, null);
			}
			Map<ResultKey, IndicatorResult> latest = new HashMap<>();
			for (ResultFact fact : given != null ? given : results.latestAt(planId, checkpointId)) {
				latest.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
			}
			Scorecard scorecard = scorer.score(checkpoint.get(), latest);
			if (force && document.isPresent() && document.get().scorecard().equals(scorecard)) {
				// a rebuild that finds the stored scores right has nothing to write
				return new Rescore(true, false, scorecard);
			}
			Instant now = clock.instant();
			ScoreDocument next = document.map(d -> d.next(scorecard, now))
					.orElseGet(() -> new ScoreDocument(ScoreDocument.id(planId, checkpointId), planId, checkpointId,
							checkpoint.get().date(), checkpoint.get().isFinal(),
							plans.checkpointLabel(planId, version.get().version(), checkpointId),
							ScoreDocument.Status.PROVISIONAL, 1, now, scorecard));
			if (write(stored.orElse(null), next)) {
				return new Rescore(true, document.map(d -> !d.scorecard().equals(scorecard)).orElse(true), scorecard);
			}
			given = null;
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}

	/** The document as this instance last wrote it, or as stored. */
	private ScoreStore.Stored current(String planId, String checkpointId) {
		ScoreStore.Stored cached = documents.getIfPresent(ScoreDocument.id(planId, checkpointId));
		return cached != null ? cached : stored(planId, checkpointId);
	}

	private ScoreStore.Stored stored(String planId, String checkpointId) {
		ScoreStore.Stored stored = scores.load(planId, checkpointId).orElse(null);
		if (stored != null) {
			documents.put(stored.document().id(), stored);
		}
		return stored;
	}

	/** A document written: remembered as stored and announced, so that open dashboards refresh. */
	private void stored(ScoreStore.Stored written) {
		ScoreDocument document = written.document();
		documents.put(document.id(), written);
		events.publishEvent(new ScoresChanged(document.planId(), document.checkpoint(), document.revision()));
	}

	/**
	 * Writes one document alone (plan versions, rebuilds, the retries after a miss); after a miss or a failure the
	 * remembered copy is dropped, to be read again.
	 */
	private boolean write(ScoreStore.Stored before, ScoreDocument next) {
		ScoreWrites.Result result;
		try {
			result = writes.write(List.of(new ScoreWrites.Change(before, next)));
		}
		catch (RuntimeException e) {
			documents.invalidate(next.id());
			throw e;
		}
		ScoreStore.Stored written = result.written().get(next.id());
		if (written == null) {
			documents.invalidate(next.id());
			return false;
		}
		stored(written);
		return true;
	}
}
