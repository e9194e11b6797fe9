package org.cicloperformance.reportingservice.checkpoint;

import io.micrometer.core.instrument.MeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.Outcome;
import org.cicloperformance.reportingservice.score.ScoresChanged;
import org.cicloperformance.reportingservice.engine.Checkpoint;
import org.cicloperformance.reportingservice.engine.IndicatorResult;
import org.cicloperformance.reportingservice.engine.OivVerdict;
import org.cicloperformance.reportingservice.engine.PlanScorer;
import org.cicloperformance.reportingservice.engine.ResultKey;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Consumes the OIV validation workflow. A closing is scored once, with the plan version in force, the result
 * versions the OIV judged and its verdicts, into an immutable final score document that queues
 * {@code HrFeedPublished} in the same insert; a reopening voids it and queues {@code HrFeedWithdrawn} once. A
 * closing whose facts have not arrived yet (the judged result versions travel on another topic) stays pending and
 * is retried by {@link PendingClosings}.
 */
@Service
public class CheckpointService {

	private static final Logger log = LoggerFactory.getLogger(CheckpointService.class);

	private final CheckpointStates states;

	private final FinalScores finals;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final ClosingAnnouncements announcements;

	private final ApplicationEventPublisher events;

	private final MeterRegistry meters;

	private final Clock clock;

	CheckpointService(CheckpointStates states, FinalScores finals, PlanVersions plans, ResultFacts results,
			ClosingAnnouncements announcements, ApplicationEventPublisher events, MeterRegistry meters, Clock clock) {
		this.states = states;
		this.finals = finals;
		this.plans = plans;
		this.results = results;
		this.announcements = announcements;
		this.events = events;
		this.meters = meters;
		this.clock = clock;
	}

	public Outcome onEvent(CheckpointEvent event) {
		return switch (event.type()) {
			case CheckpointEvent.SUBMITTED, CheckpointEvent.REVIEW_STARTED, CheckpointEvent.VERDICT_RECORDED ->
				states.record(event) ? Outcome.RECORDED : Outcome.UNCHANGED;
			case CheckpointEvent.CLOSED -> onClosed(event);
			case CheckpointEvent.REOPENED -> onReopened(event);
			default -> Outcome.IGNORED;
		};
	}

	private Outcome onClosed(CheckpointEvent event) {
		boolean fresh = states.record(event);
		if (fresh) {
			meters.counter("reporting.checkpoints.closed").increment();
		}
		Outcome outcome = scoreClosing(event.planId(), event.checkpoint(), event.closing());
		return outcome == Outcome.UNCHANGED && fresh ? Outcome.RECORDED : outcome;
	}

	/**
	 * Writes the final scores of closing {@code n} unless they exist, the closing was reopened, or facts are missing
	 * (then it stays pending: {@code AWAITING_PLAN}, {@code AWAITING_RESULTS}, {@code NOT_IN_PLAN}).
	 */
	Outcome scoreClosing(String planId, String checkpointId, int n) {
		if (finals.find(planId, checkpointId, n).isPresent()) {
			states.settled(planId, checkpointId, n);
			return Outcome.UNCHANGED;
		}
		Optional<CheckpointState> state = states.find(planId, checkpointId);
		Optional<CheckpointState.Closing> closing = state.flatMap(s -> s.closing(n));
		if (closing.isEmpty() || state.get().reopened(n)) {
			states.settled(planId, checkpointId, n);
			return Outcome.UNCHANGED;
		}
		Optional<PlanVersionFact> version = plans.inForce(planId, checkpointId);
		if (version.isEmpty()) {
			return Outcome.AWAITING_PLAN;
		}
		PlanScorer scorer = plans.scorer(version.get());
		Optional<Checkpoint> checkpoint = scorer.plan().checkpoint(checkpointId);
		if (checkpoint.isEmpty()) {
			return Outcome.NOT_IN_PLAN;
		}
		Map<ResultKey, IndicatorResult> judged = new HashMap<>();
		for (ResultFact fact : results.latestAt(planId, checkpointId)) {
			judged.put(new ResultKey(fact.objective(), fact.indicator()), fact.toIndicatorResult());
		}
		Map<ResultKey, OivVerdict> verdicts = new HashMap<>();
		for (CheckpointEvent.FinalVerdict verdict : closing.get().verdicts()) {
			ResultKey key = new ResultKey(verdict.objective(), verdict.indicator());
			Optional<OivVerdict> oiv = oivVerdict(verdict);
			if (oiv.isEmpty()) {
				continue;
			}
			Optional<ResultFact> judgedVersion = results.version(planId, verdict.objective(), verdict.indicator(),
					checkpointId, verdict.resultVersion());
			if (judgedVersion.isEmpty()) {
				log.debug("closing {} of {} at {} waits for result version {} of {}", n, planId, checkpointId,
						verdict.resultVersion(), key);
				return Outcome.AWAITING_RESULTS;
			}
			judged.put(key, judgedVersion.get().toIndicatorResult());
			verdicts.put(key, oiv.get());
		}
		Scorecard scorecard = scorer.score(checkpoint.get(), judged, verdicts);
		PlanEvent.Content content = plans.content(version.get());
		FinalScoreDocument document = new FinalScoreDocument(FinalScoreDocument.id(planId, checkpointId, n), planId,
				content.entity(), checkpointId, n, checkpoint.get().date(), checkpoint.get().isFinal(),
				label(content, checkpointId), closing.get().at(), closing.get().by(), storedPrecision(clock.instant()),
				false, scorecard,
				closing.get().verdicts(), null);
		boolean written = finals.insert(document.withOutbox(announcements.scored(document)));
		states.settled(planId, checkpointId, n);
		if (!written) {
			return Outcome.UNCHANGED;
		}
		events.publishEvent(new ScoresChanged(planId, checkpointId, n));
		return Outcome.SCORED;
	}

	private Outcome onReopened(CheckpointEvent event) {
		boolean fresh = states.record(event);
		String planId = event.planId();
		String checkpoint = event.checkpoint();
		int n = event.closing();
		Optional<FinalScoreDocument> scored = finals.find(planId, checkpoint, n);
		if (scored.isEmpty() && finals.insert(FinalScoreDocument.voided(planId, event.entity(), checkpoint, n,
				clock.instant()))) {
			// never scored, so never published: nothing to withdraw, and a late scoring finds the closing taken
			return fresh ? Outcome.RECORDED : Outcome.UNCHANGED;
		}
		boolean wasPublished = scored.or(() -> finals.find(planId, checkpoint, n)).map(d -> !d.voided())
				.orElse(false);
		if (wasPublished && finals.insert(new HrFeedWithdrawal(FinalScoreDocument.id(planId, checkpoint, n), planId,
				checkpoint, n, event.reason(), event.occurredAt(), event.causedBy(),
				List.of(announcements.withdrawn(event))))) {
			events.publishEvent(new ScoresChanged(planId, checkpoint, n));
			return Outcome.RECORDED;
		}
		return fresh ? Outcome.RECORDED : Outcome.UNCHANGED;
	}

	/** Only the final verdicts that count; a kind this service does not know is no verdict. */
	private static Optional<OivVerdict> oivVerdict(CheckpointEvent.FinalVerdict verdict) {
		if ("ADJUSTED".equals(verdict.verdict())) {
			BigDecimal adjusted = verdict.adjustedAchievement();
			return Optional.of(OivVerdict.adjusted(adjusted, verdict.reason()));
		}
		if ("VALIDATED".equals(verdict.verdict())) {
			return Optional.of(new OivVerdict(OivVerdict.Kind.VALIDATED, null, verdict.reason()));
		}
		return Optional.empty();
	}

	/** MongoDB keeps milliseconds: the event queued with the document must show the time it will be read with. */
	private static Instant storedPrecision(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MILLIS);
	}

	private static String label(PlanEvent.Content content, String checkpointId) {
		return content.checkpoints() == null ? checkpointId
				: content.checkpoints().stream().filter(c -> checkpointId.equals(c.id()))
						.map(PlanEvent.Checkpoint::label).filter(l -> l != null).findFirst().orElse(checkpointId);
	}
}
