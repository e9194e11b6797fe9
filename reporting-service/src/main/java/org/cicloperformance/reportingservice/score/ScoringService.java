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
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanMapper;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.scoring.Checkpoint;
import org.cicloperformance.reportingservice.scoring.IndicatorResult;
import org.cicloperformance.reportingservice.scoring.IndicatorScore;
import org.cicloperformance.reportingservice.scoring.PlanScorer;
import org.cicloperformance.reportingservice.scoring.ResultKey;
import org.cicloperformance.reportingservice.scoring.Scorecard;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Keeps the score documents in step with the facts. Idempotent by construction: it compares what a document
 * already reflects (plan version, result version per indicator) with the stored facts, never with the event, so a
 * duplicate, an older version or a replay writes nothing, and a crash between the fact and the score is repaired
 * by the redelivery.
 */
@Service
public class ScoringService {

	private static final int MAX_ATTEMPTS = 20;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ScoreStore scores;

	private final Clock clock;

	private final ApplicationEventPublisher events;

	ScoringService(PlanVersions plans, ResultFacts results, ScoreStore scores, Clock clock,
			ApplicationEventPublisher events) {
		this.plans = plans;
		this.results = results;
		this.scores = scores;
		this.clock = clock;
		this.events = events;
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
			if (rescore(event.planId(), checkpoint, false).changed()) {
				outcome = Outcome.SCORED;
			}
		}
		return outcome;
	}

	public Outcome onResult(ResultEvent event) {
		results.record(event);
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<PlanVersionFact> version = plans.inForce(event.planId(), event.checkpoint());
			if (version.isEmpty()) {
				return Outcome.AWAITING_PLAN;
			}
			PlanScorer scorer = plans.scorer(version.get());
			Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(event.checkpoint());
			if (checkpoint.isEmpty()) {
				return Outcome.NOT_IN_PLAN;
			}
			Optional<ScoreDocument> document = scores.find(event.planId(), event.checkpoint());
			if (document.isEmpty() || document.get().scorecard().planVersion() != version.get().version()) {
				if (rescore(event.planId(), event.checkpoint(), false).written()) {
					return Outcome.SCORED;
				}
				// another writer scored the checkpoint first, maybe from facts read before ours was stored
				continue;
			}
			Scorecard current = document.get().scorecard();
			Optional<IndicatorScore> scored = current.indicator(event.objective(), event.indicator());
			if (scored.isEmpty()) {
				return Outcome.NOT_IN_PLAN;
			}
			IndicatorResult latest = results
					.latest(event.planId(), event.objective(), event.indicator(), event.checkpoint())
					.map(ResultFact::toIndicatorResult).orElse(null);
			IndicatorResult used = scored.get().result();
			if (latest == null || (used != null && used.resultVersion() == latest.resultVersion())) {
				return Outcome.UNCHANGED;
			}
			Scorecard updated = scorer.update(current, checkpoint.get(),
					new ResultKey(event.objective(), event.indicator()), latest);
			if (write(document.get().next(updated, clock.instant()), document.get().revision())) {
				return Outcome.SCORED;
			}
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(event.planId(), event.checkpoint()));
	}

	/** Recomputes every score document of one plan, or of all plans, from the stored facts. */
	public RebuildReport rebuild(Optional<String> planId) {
		List<String> planIds = planId.map(List::of).orElseGet(plans::planIds);
		List<String> rebuilt = new ArrayList<>();
		List<String> differing = new ArrayList<>();
		for (String id : planIds) {
			Set<String> checkpoints = new LinkedHashSet<>();
			for (PlanVersionFact version : plans.versions(id)) {
				plans.scorer(version).plan().checkpoints().forEach(c -> checkpoints.add(c.id()));
			}
			for (String checkpoint : checkpoints) {
				Rescore rescore = rescore(id, checkpoint, true);
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

	/** Which documents a rebuild wrote and which of them had different scores before (should be none). */
	public record RebuildReport(List<String> rebuilt, List<String> differing) {
	}

	private record Rescore(boolean written, boolean changed) {
	}

	/**
	 * Scores a whole checkpoint from the facts. Without {@code force}, a document already scored with the version
	 * in force is left alone: its results are kept current one by one.
	 */
	private Rescore rescore(String planId, String checkpointId, boolean force) {
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			Optional<PlanVersionFact> version = plans.inForce(planId, checkpointId);
			if (version.isEmpty()) {
				return new Rescore(false, false);
			}
			PlanScorer scorer = plans.scorer(version.get());
			Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
			if (checkpoint.isEmpty()) {
				return new Rescore(false, false);
			}
			Optional<ScoreDocument> document = scores.find(planId, checkpointId);
			if (!force && document.isPresent()
					&& document.get().scorecard().planVersion() == version.get().version()) {
				return new Rescore(false, false);
			}
			Map<ResultKey, IndicatorResult> latest = new HashMap<>();
			for (ResultFact fact : results.latestAt(planId, checkpointId)) {
				latest.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
			}
			Scorecard scorecard = scorer.score(checkpoint.get(), latest);
			Instant now = clock.instant();
			ScoreDocument next = document.map(d -> d.next(scorecard, now))
					.orElseGet(() -> new ScoreDocument(ScoreDocument.id(planId, checkpointId), planId, checkpointId,
							checkpoint.get().date(), checkpoint.get().isFinal(), label(version.get(), checkpointId),
							ScoreDocument.Status.PROVISIONAL, 1, now, scorecard));
			if (write(next, document.map(ScoreDocument::revision).orElse(0L))) {
				return new Rescore(true, document.map(d -> !d.scorecard().equals(scorecard)).orElse(true));
			}
		}
		throw new ConcurrentScoreUpdateException(ScoreDocument.id(planId, checkpointId));
	}

	/** Every write of the read model goes through here, so that each one is announced once it is stored. */
	private boolean write(ScoreDocument next, long expectedRevision) {
		boolean written = scores.write(next, expectedRevision);
		if (written) {
			events.publishEvent(new ScoresChanged(next.planId(), next.checkpoint(), next.revision()));
		}
		return written;
	}

	private String label(PlanVersionFact version, String checkpointId) {
		PlanEvent.Content content = plans.content(version);
		return content.checkpoints() == null ? checkpointId
				: content.checkpoints().stream().filter(c -> checkpointId.equals(c.id())).map(PlanEvent.Checkpoint::label)
						.findFirst().orElse(checkpointId);
	}
}
