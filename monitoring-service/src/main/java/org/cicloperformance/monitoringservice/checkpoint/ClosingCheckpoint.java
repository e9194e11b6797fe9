package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.CLOSED;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.UNDER_REVIEW;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointClosed;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointReopened;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.FinalVerdict;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.ReopeningRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore.Change;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/**
 * The OIV closes a reviewed checkpoint once every due indicator has a counting VALIDATED or ADJUSTED verdict (the
 * results are then frozen); a PLANNER or the OIV reopens it, with a reason.
 */
@Service
public class ClosingCheckpoint {

	private final CheckpointTransitions transitions;

	ClosingCheckpoint(CheckpointTransitions transitions) {
		this.transitions = transitions;
	}

	/** The OIV closes the review when every due indicator has a counting VALIDATED or ADJUSTED verdict. */
	public CheckpointView close(Actor actor, String planId, String checkpoint) {
		return transitions.apply(actor, planId, checkpoint, c -> {
			CheckpointTransitions.requireStatus(c, UNDER_REVIEW);
			CheckpointDocument d = c.document();
			List<Violation> missing = CheckpointRules.missingForClosing(c.due(), c.latestVersions(), d);
			if (!missing.isEmpty()) {
				throw new RefusedException(missing);
			}
			int closing = d.closing() + 1;
			Instant now = transitions.now();
			List<FinalVerdict> verdicts = c.due().stream()
					.map(i -> FinalVerdict.of(d.currentVerdict(i.objective(), i.indicator()).orElseThrow())).toList();
			String eventId = UUID.randomUUID().toString();
			CheckpointClosed event = new CheckpointClosed(CheckpointClosed.TYPE, eventId, planId, d.entity(),
					checkpoint, CLOSED, now, actor.username(), closing, verdicts);
			return new Change(CLOSED, closing, null, null,
					new Transition(d.status(), CLOSED, actor.username(), now, null, closing),
					transitions.outbox(planId, eventId, CheckpointClosed.TYPE, event, now));
		});
	}

	/** A PLANNER or the OIV reopens a closed checkpoint, with a reason: back to review, the next closing is n+1. */
	public CheckpointView reopen(Actor actor, String planId, String checkpoint, ReopeningRequest request) {
		return transitions.apply(actor, planId, checkpoint, c -> {
			if (request == null || request.reason() == null || request.reason().isBlank()) {
				throw CheckpointTransitions.refused("/reason", "required");
			}
			InputBounds.text("/reason", request.reason(), InputBounds.MAX_TEXT).ifPresent(v -> {
				throw new RefusedException(v);
			});
			CheckpointTransitions.requireStatus(c, CLOSED);
			CheckpointDocument d = c.document();
			Instant now = transitions.now();
			String eventId = UUID.randomUUID().toString();
			CheckpointReopened event = new CheckpointReopened(CheckpointReopened.TYPE, eventId, planId, d.entity(),
					checkpoint, UNDER_REVIEW, now, actor.username(), d.closing(), request.reason());
			return new Change(UNDER_REVIEW, d.closing(), null, null,
					new Transition(CLOSED, UNDER_REVIEW, actor.username(), now, request.reason(), d.closing()),
					transitions.outbox(planId, eventId, CheckpointReopened.TYPE, event, now));
		});
	}
}
