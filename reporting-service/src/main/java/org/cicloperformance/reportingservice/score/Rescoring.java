package org.cicloperformance.reportingservice.score;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;

/**
 * Scores whole checkpoints from the facts: when a plan version comes into force, for a document not yet scored
 * with the version in force, and for a rebuild. The incremental path ({@link ScoringService#onResults}) only
 * changes the indicators a batch touches.
 */
final class Rescoring {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final OwnedDocuments documents;

	private final Clock clock;

	Rescoring(PlanVersions plans, ResultFacts results, OwnedDocuments documents, Clock clock) {
		this.plans = plans;
		this.results = results;
		this.documents = documents;
		this.clock = clock;
	}

	/** {@code written}: the document is now as the facts give it (for a rebuild, also when it already was). */
	record Rescore(boolean written, boolean changed, Scorecard scorecard) {
	}

	/** Recomputes every score document of the given plans from the stored facts. */
	ScoringService.RebuildReport rebuild(List<String> planIds) {
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
		return new ScoringService.RebuildReport(rebuilt, differing);
	}

	/**
	 * Scores a whole checkpoint from the facts ({@code facts}, or those stored when null). Without {@code force}, a
	 * document already scored with the version in force is left alone: its results are kept current one by one. A
	 * forced rescore (a rebuild) compares with the document as stored, not as this instance remembers it.
	 */
	Rescore rescore(String planId, String checkpointId, boolean force, List<ResultFact> facts) {
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
			Optional<ScoreStore.Stored> stored = Optional.ofNullable(
					force ? documents.stored(planId, checkpointId) : documents.current(planId, checkpointId));
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
			if (documents.write(stored.orElse(null), next)) {
				return new Rescore(true, document.map(d -> !d.scorecard().equals(scorecard)).orElse(true), scorecard);
			}
			given = null;
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}
}
