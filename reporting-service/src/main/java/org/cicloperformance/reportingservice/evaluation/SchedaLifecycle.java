package org.cicloperformance.reportingservice.evaluation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The states of a scheda and who moves it: the EVALUATOR drafts and proposes it; the manager it belongs to takes
 * note (presa visione) or asks for a review (procedura di conciliazione) within the review period; the EVALUATOR
 * records the review's outcome (for the Segretario Generale the evaluator is the OIV);
 * the EVALUATOR makes it FINAL. A FINAL scheda never changes: a correction is a new version, in DRAFT, with a
 * reason. Periods are the policy's; a proposal the manager leaves unanswered past the review period may be made
 * FINAL (silence counts as presa visione: our policy, docs/evaluation.md).
 */
public record SchedaLifecycle(String managerId, int version, State state, Instant proposedAt, List<Step> history) {

	public enum State {
		DRAFT, PROPOSED, ACKNOWLEDGED, REVIEW_REQUESTED, REVIEWED, FINAL
	}

	public enum Action {
		PROPOSE, ACKNOWLEDGE, REQUEST_REVIEW, REVIEW, FINALISE, CORRECT
	}

	public enum Role {
		EVALUATOR, MANAGER, OIV
	}

	/** Who did what, when, and why (required for a review request, a review and a correction). */
	public record Step(Action action, String actor, Instant at, String reason, State from, State to) {
	}

	/** Who acts: their user, the roles they hold, and the manager they are (null when not a manager). */
	public record Actor(String user, List<Role> roles, String managerId) {
	}

	/** A move that is not allowed, with a message key. */
	public static final class Refused extends RuntimeException {

		private final String reason;

		Refused(String reason) {
			super(reason);
			this.reason = reason;
		}

		public String reason() {
			return reason;
		}
	}

	public static SchedaLifecycle draft(String managerId) {
		return new SchedaLifecycle(managerId, 1, State.DRAFT, null, List.of());
	}

	/** The scheda after {@code action}, or {@link Refused} naming why not. */
	public SchedaLifecycle apply(Action action, Actor actor, Instant now, Duration reviewPeriod, String reason) {
		return switch (action) {
			case PROPOSE -> move(action, actor, now, reason, Role.EVALUATOR, State.PROPOSED, State.DRAFT);
			case ACKNOWLEDGE -> ownManager(actor).move(action, actor, now, reason, Role.MANAGER, State.ACKNOWLEDGED,
					State.PROPOSED);
			case REQUEST_REVIEW -> {
				ownManager(actor);
				requireReason(reason);
				if (proposedAt != null && now.isAfter(proposedAt.plus(reviewPeriod))) {
					throw new Refused("review-period-over");
				}
				yield move(action, actor, now, reason, Role.MANAGER, State.REVIEW_REQUESTED, State.PROPOSED,
						State.ACKNOWLEDGED);
			}
			case REVIEW -> {
				requireReason(reason);
				yield move(action, actor, now, reason, Role.EVALUATOR, State.REVIEWED, State.REVIEW_REQUESTED);
			}
			case FINALISE -> {
				boolean silent = state == State.PROPOSED && now.isAfter(proposedAt.plus(reviewPeriod));
				boolean reviewOpen = state == State.ACKNOWLEDGED && !now.isAfter(proposedAt.plus(reviewPeriod));
				if (reviewOpen) {
					throw new Refused("review-period-open");
				}
				yield silent ? move(action, actor, now, reason, Role.EVALUATOR, State.FINAL, State.PROPOSED)
						: move(action, actor, now, reason, Role.EVALUATOR, State.FINAL, State.ACKNOWLEDGED,
								State.REVIEWED);
			}
			case CORRECT -> {
				requireReason(reason);
				SchedaLifecycle moved = move(action, actor, now, reason, Role.EVALUATOR, State.DRAFT, State.FINAL);
				yield new SchedaLifecycle(managerId, version + 1, State.DRAFT, null, moved.history());
			}
		};
	}

	private SchedaLifecycle move(Action action, Actor actor, Instant now, String reason, Role role, State to,
			State... from) {
		if (!actor.roles().contains(role)) {
			throw new Refused("role-not-allowed");
		}
		if (!List.of(from).contains(state)) {
			throw new Refused("transition-not-allowed");
		}
		if (role == Role.EVALUATOR && managerId.equals(actor.managerId())) {
			throw new Refused("own-scheda");
		}
		List<Step> steps = new ArrayList<>(history);
		steps.add(new Step(action, actor.user(), now, reason, state, to));
		return new SchedaLifecycle(managerId, version, to, to == State.PROPOSED ? now : proposedAt, List.copyOf(steps));
	}

	private SchedaLifecycle ownManager(Actor actor) {
		if (!managerId.equals(actor.managerId())) {
			throw new Refused("not-own-scheda");
		}
		return this;
	}

	private static void requireReason(String reason) {
		if (reason == null || reason.isBlank()) {
			throw new Refused("reason-required");
		}
	}
}
