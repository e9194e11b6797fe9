package org.cicloperformance.monitoringservice.checkpoint;

import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.OPEN;
import static org.cicloperformance.monitoringservice.checkpoint.CheckpointStatus.SUBMITTED;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Submission;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointEvents.CheckpointSubmitted;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointRequests.SubmissionRequest;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointStore.Change;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/**
 * A manager submits the results of their own objectives (commentary, proposals); the last manager due makes the
 * checkpoint SUBMITTED. One guarded single-document update with its event; refusals store nothing.
 */
@Service
public class SubmittingResults {

	private final CheckpointTransitions transitions;

	SubmittingResults(CheckpointTransitions transitions) {
		this.transitions = transitions;
	}

	/** A manager submits the results of their objectives; the last manager due makes the checkpoint SUBMITTED. */
	public CheckpointView submit(Actor actor, String planId, String checkpoint, SubmissionRequest request) {
		return transitions.apply(actor, planId, checkpoint, c -> {
			refuseOutOfBounds(submissionBounds(request));
			String manager = actor.manager();
			Set<String> due = CheckpointRules.managersDue(c.due());
			if (request.manager() != null && !request.manager().equals(manager)) {
				throw CheckpointTransitions.refused("/manager", "manager-forbidden", request.manager());
			}
			if (manager == null || !due.contains(manager)) {
				throw CheckpointTransitions.refused("", "manager-not-due", manager == null ? "" : manager, checkpoint);
			}
			if (request.commentary() == null || request.commentary().isBlank()) {
				throw CheckpointTransitions.refused("/commentary", "required");
			}
			List<String> proposals = request.proposals() == null ? List.of()
					: request.proposals().stream().filter(p -> p != null && !p.isBlank()).toList();
			CheckpointTransitions.requireStatus(c, OPEN, SUBMITTED);
			CheckpointDocument d = c.document();
			Instant now = transitions.now();
			Submission submission = new Submission(manager, actor.username(), now, request.commentary(), proposals);
			Set<String> submitted = new java.util.HashSet<>(d.currentSubmissions().keySet());
			submitted.add(manager);
			CheckpointStatus next = d.status() == OPEN && submitted.containsAll(due) ? SUBMITTED : d.status();
			Transition transition = next == d.status() ? null
					: new Transition(d.status(), next, actor.username(), now, null, null);
			String eventId = UUID.randomUUID().toString();
			CheckpointSubmitted event = new CheckpointSubmitted(CheckpointSubmitted.TYPE, eventId, planId, d.entity(),
					checkpoint, next, now, actor.username(), manager, request.commentary(), proposals);
			return new Change(next, d.closing(), submission, null, transition, transitions.outbox(planId, eventId,
					CheckpointSubmitted.TYPE, event, now));
		});
	}

	private static List<Violation> submissionBounds(SubmissionRequest request) {
		List<Violation> v = new ArrayList<>();
		InputBounds.check(v, InputBounds.code("/manager", request.manager()));
		InputBounds.check(v, InputBounds.text("/commentary", request.commentary(), InputBounds.MAX_TEXT));
		InputBounds.check(v, InputBounds.items("/proposals", request.proposals()));
		if (request.proposals() != null && request.proposals().size() <= InputBounds.MAX_ITEMS) {
			for (int i = 0; i < request.proposals().size(); i++) {
				InputBounds.check(v, InputBounds.code("/proposals/" + i, request.proposals().get(i)));
			}
		}
		return v;
	}

	private static void refuseOutOfBounds(List<Violation> violations) {
		if (!violations.isEmpty()) {
			throw new RefusedException(violations);
		}
	}
}
