package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.SUBMITTED;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.UNDER_REVIEW;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointReviewStarted;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.VerdictRecorded;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.VerdictRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRules.DueIndicator;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore.Change;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/**
 * The OIV reviews a submitted checkpoint: starts the review, then records a verdict on each due indicator's latest
 * result version (VALIDATED, ADJUSTED with an achievement 0–1 and a reason, REJECTED with a reason).
 */
@Service
public class ReviewingCheckpoint {

	private static final BigDecimal ONE = BigDecimal.ONE;

	private final CheckpointTransitions transitions;

	ReviewingCheckpoint(CheckpointTransitions transitions) {
		this.transitions = transitions;
	}

	/** The OIV starts the review of a submitted checkpoint. */
	public CheckpointView startReview(Actor actor, String planId, String checkpoint) {
		return transitions.apply(actor, planId, checkpoint, c -> {
			CheckpointTransitions.requireStatus(c, SUBMITTED);
			CheckpointDocument d = c.document();
			Instant now = transitions.now();
			String eventId = UUID.randomUUID().toString();
			CheckpointReviewStarted event = new CheckpointReviewStarted(CheckpointReviewStarted.TYPE, eventId, planId,
					d.entity(), checkpoint, UNDER_REVIEW, now, actor.username());
			return new Change(UNDER_REVIEW, d.closing(), null, null,
					new Transition(d.status(), UNDER_REVIEW, actor.username(), now, null, null),
					transitions.outbox(planId, eventId, CheckpointReviewStarted.TYPE, event, now));
		});
	}

	/** The OIV's verdict on the latest result version of a due indicator. */
	public CheckpointView recordVerdict(Actor actor, String planId, String checkpoint, VerdictRequest request) {
		return transitions.apply(actor, planId, checkpoint, c -> {
			checkVerdict(request);
			DueIndicator due = c.due().stream()
					.filter(i -> i.objective().equals(request.objective()) && i.indicator().equals(request.indicator()))
					.findFirst()
					.orElseThrow(() -> CheckpointTransitions.refused("/indicator", "indicator-not-due", request.objective(),
							request.indicator(), checkpoint));
			CheckpointTransitions.requireStatus(c, UNDER_REVIEW);
			Integer latest = c.latestVersions().get(due.key());
			if (latest == null) {
				throw CheckpointTransitions.refused("/indicator", "result-missing", due.objective(), due.indicator());
			}
			if (request.resultVersion() != null && !request.resultVersion().equals(latest)) {
				throw CheckpointTransitions.refused("/resultVersion", "result-version-stale", request.resultVersion(), latest);
			}
			CheckpointDocument d = c.document();
			Instant now = transitions.now();
			BigDecimal adjusted = request.verdict() == Verdict.ADJUSTED ? request.adjustedAchievement() : null;
			String reason = request.reason() == null || request.reason().isBlank() ? null : request.reason();
			VerdictEntry verdict = new VerdictEntry(due.objective(), due.indicator(), latest, request.verdict(),
					adjusted, reason, actor.username(), now);
			String eventId = UUID.randomUUID().toString();
			VerdictRecorded event = new VerdictRecorded(VerdictRecorded.TYPE, eventId, planId, d.entity(), checkpoint,
					d.status(), now, actor.username(), due.objective(), due.indicator(), latest, request.verdict(),
					adjusted, reason);
			return new Change(d.status(), d.closing(), null, verdict, null,
					transitions.outbox(planId, eventId, VerdictRecorded.TYPE, event, now));
		});
	}

	private static void checkVerdict(VerdictRequest request) {
		List<Violation> bounds = new ArrayList<>();
		InputBounds.check(bounds, InputBounds.code("/objective", request.objective()));
		InputBounds.check(bounds, InputBounds.code("/indicator", request.indicator()));
		InputBounds.check(bounds, InputBounds.text("/reason", request.reason(), InputBounds.MAX_TEXT));
		InputBounds.check(bounds, InputBounds.number("/adjustedAchievement", request.adjustedAchievement()));
		// checked first: the range check below formats the number
		if (!bounds.isEmpty()) {
			throw new RefusedException(bounds);
		}
		List<Violation> violations = new ArrayList<>();
		if (request.objective() == null || request.objective().isBlank()) {
			violations.add(Violation.of("/objective", "required"));
		}
		if (request.indicator() == null || request.indicator().isBlank()) {
			violations.add(Violation.of("/indicator", "required"));
		}
		if (request.verdict() == null) {
			violations.add(Violation.of("/verdict", "required"));
		}
		boolean noReason = request.reason() == null || request.reason().isBlank();
		if (request.verdict() == Verdict.REJECTED || request.verdict() == Verdict.ADJUSTED) {
			if (noReason) {
				violations.add(Violation.of("/reason", "reason-required", request.verdict()));
			}
		}
		if (request.verdict() == Verdict.ADJUSTED) {
			BigDecimal a = request.adjustedAchievement();
			if (a == null) {
				violations.add(Violation.of("/adjustedAchievement", "required"));
			}
			else if (a.signum() < 0 || a.compareTo(ONE) > 0) {
				violations.add(Violation.of("/adjustedAchievement", "achievement-out-of-range", a.toPlainString()));
			}
		}
		else if (request.verdict() != null && request.adjustedAchievement() != null) {
			violations.add(Violation.of("/adjustedAchievement", "not-for-verdict", request.verdict()));
		}
		if (!violations.isEmpty()) {
			throw new RefusedException(violations);
		}
	}
}
