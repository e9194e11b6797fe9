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
import org.springframework.stereotype.Service;

/**
 * Keeps the score documents in step with the facts. Idempotent by construction: it compares what a document
 * already reflects (plan version, result version per indicator) with the stored facts, never with the event, so a
 * duplicate, an older version or a replay writes nothing, and a crash between the fact and the score is repaired
 * by the redelivery.
 * <p>
 * Results are scored in batches ({@link #onResults}): the facts of a batch are recorded together, and each score
 * document the batch touches is written once. This instance is the only writer of a plan's documents as long as it
 * owns the plan's partition, so it keeps the documents as it last wrote them and does not read them again; every
 * write is still a compare-and-set on the revision, and a miss (another writer, e.g. during a rebalance) reloads
 * the document and the facts and applies the batch again.
 */
@Service
public class ScoringService {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ScoreStore scores;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	/** Score documents as this instance last wrote (or read) them, by id. */
	private final Cache<String, ScoreDocument> documents;

	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, Clock clock,
			ApplicationEventPublisher events, CacheSettings caches) {
		this.plans = plans;
		this.results = results;
		this.scores = scores;
		this.clock = clock;
		this.events = events;
		this.documents = Caffeine.newBuilder().maximumSize(Math.max(1, caches.scoreDocuments())).build();
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
		for (List<Integer> positions : byDocument.values()) {
			List<ResultEvent> group = positions.stream().map(batch::get).toList();
			List<Outcome> scored = scoreDocument(group, recorded.latest());
			for (int i = 0; i < positions.size(); i++) {
				outcomes[positions.get(i)] = scored.get(i);
			}
		}
		return List.of(outcomes);
	}

	/** Applies results of one plan at one checkpoint to its score document, with one write. */
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
			ScoreDocument document = current(planId, checkpointId);
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
			Map<ResultKey, IndicatorResult> changes = new LinkedHashMap<>();
			for (ResultEvent event : group) {
				String key = ResultFact.key(planId, event.objective(), event.indicator(), checkpointId);
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
			if (changes.isEmpty()) {
				return outcomes(group, current, current);
			}
			Scorecard updated = scorer.update(current, checkpoint.get(), changes);
			if (write(document.next(updated, clock.instant()), document.revision())) {
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
			Optional<ScoreDocument> document = Optional
					.ofNullable(force ? stored(planId, checkpointId) : current(planId, checkpointId));
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
							plans.checkpointLabel(planId, version.get().version(), checkpointId), ScoreDocument.Status.PROVISIONAL, 1,
							now, scorecard));
			if (write(next, document.map(ScoreDocument::revision).orElse(0L))) {
				return new Rescore(true, document.map(d -> !d.scorecard().equals(scorecard)).orElse(true), scorecard);
			}
			given = null;
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}

	/** The document as this instance last wrote it, or as stored. */
	private ScoreDocument current(String planId, String checkpointId) {
		ScoreDocument cached = documents.getIfPresent(ScoreDocument.id(planId, checkpointId));
		return cached != null ? cached : stored(planId, checkpointId);
	}

	private ScoreDocument stored(String planId, String checkpointId) {
		ScoreDocument document = scores.find(planId, checkpointId).orElse(null);
		if (document != null) {
			documents.put(document.id(), document);
		}
		return document;
	}

	/**
	 * Every write of the read model goes through here, so that each one is announced once it is stored and the
	 * cached copy is the one stored; after a miss or a failure the copy is dropped, to be read again.
	 */
	private boolean write(ScoreDocument next, long expectedRevision) {
		boolean written;
		try {
			written = scores.write(next, expectedRevision);
		}
		catch (RuntimeException e) {
			documents.invalidate(next.id());
			throw e;
		}
		if (!written) {
			documents.invalidate(next.id());
			return false;
		}
		documents.put(next.id(), next);
		events.publishEvent(new ScoresChanged(next.planId(), next.checkpoint(), next.revision()));
		return true;
	}
}
