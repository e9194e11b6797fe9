package org.cicloperformance.reportingservice.evaluation.store;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.checkpoint.HrFeedOutbox;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.Violation;
import org.cicloperformance.reportingservice.evaluation.Scheda;
import org.cicloperformance.reportingservice.evaluation.Scheda.Rating;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused.Kind;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.stereotype.Service;

/**
 * The schede di valutazione of a plan's year: created from the FINAL scores of the final checkpoint (the OIV's
 * closing), rated by the evaluator, moved through {@link SchedaLifecycle} with every step recorded. Who may do what
 * (docs/security.md): the EVALUATOR acts on the dirigenti's schede, the OIV on the Segretario Generale's; the
 * manager on their own; PLANNER, OIV and EVALUATOR read all, HR the FINAL ones, a MANAGER their own once proposed.
 * <p>
 * The same closing (docs/evaluation.md): a scheda's organisational parts are those of the latest closing of the final
 * checkpoint. A scheda not yet FINAL follows it: after a reopening and a new closing, its next write copies the parts
 * again (with their arithmetic) and recomputes the total from the ratings; while the checkpoint is reopened it may
 * be neither proposed nor made FINAL. A FINAL version never changes; its correction takes the parts of the latest
 * closing. Making a version FINAL queues {@code EvaluationFinalised} on {@code hr-feed} in the same write.
 * <p>
 * A scheda is made under the evaluation policy of the SMVP version its final scores were computed under (or the
 * configured file), records it ({@code policy}, see {@link Policies}), and is rated under that same policy.
 */
@Service
public class Schede {

	static final int MAX_RATINGS = 50;

	static final int MAX_TEXT = 2000;

	private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

	private final SchedaStore store;

	private final Policies policies;

	private final CurrentScores scores;

	private final PlanVersions plans;

	private final Clock clock;

	private final EvaluationAnnouncements announcements;

	private final HrFeedOutbox outbox;

	Schede(SchedaStore store, Policies policies, CurrentScores scores, PlanVersions plans, Clock clock,
			EvaluationAnnouncements announcements, HrFeedOutbox outbox) {
		this.store = store;
		this.policies = policies;
		this.scores = scores;
		this.plans = plans;
		this.clock = clock;
		this.announcements = announcements;
		this.outbox = outbox;
	}

	public SchedaDocument create(Actor actor, String planId, String managerId, RoleGroup group) {
		if (managerId == null || !CODE.matcher(managerId).matches()) {
			throw new SchedaRefused(Kind.INVALID, "/manager", managerId == null ? "required" : "invalid-id");
		}
		RoleGroup g = group == null ? RoleGroup.DIRIGENTE : group;
		SchedaRoles.requireEvaluatorOf(actor, g, managerId);
		ScoreDocument finals = finalScores(planId);
		// the policy of the SMVP version the final scores were computed under, or the configured file
		Policies.InForce policy = policies.forPlan(planId, finals.scorecard().planVersion());
		if (!policy.policy().weights().containsKey(g)) {
			throw new SchedaRefused(Kind.INVALID, "/group", "no-weights-for-group");
		}
		ScoringPlan plan = plans.scorer(planId, finals.scorecard().planVersion()).plan();
		ScoringPlan.Manager manager = plan.managers().stream().filter(m -> m.id().equals(managerId)).findFirst()
			.orElseThrow(() -> new SchedaRefused(Kind.INVALID, "/manager", "unknown-manager"));
		NodeScore own = finals.scorecard().manager(managerId).orElse(null);
		NodeScore entity = finals.scorecard().entity();
		if (own == null || own.score() == null || entity == null || entity.score() == null) {
			throw new SchedaRefused(Kind.CONFLICT, "/manager", "no-final-score");
		}
		Instant now = clock.instant();
		SchedaDocument document = new SchedaDocument(SchedaDocument.id(planId, managerId, 1), planId, plan.entity(),
				managerId, manager.name(), 1, g, 0, State.DRAFT, finals.checkpoint(), (int) finals.revision(), own.score(),
				own.arithmetic(), entity.score(), entity.arithmetic(), List.of(), null, policy.source(), now,
				actor.username(), null, null, null, null, List.of());
		store.insert(document);
		return document;
	}

	/** The evaluator's ratings, in DRAFT or while a review is open; the total is computed by the rules. */
	public SchedaDocument rate(Actor actor, String planId, String managerId, Long revision, List<Rating> ratings) {
		SchedaDocument read = current(planId, managerId, revision);
		SchedaRoles.requireEvaluatorOf(actor, read.group(), managerId);
		if (read.state() != State.DRAFT && read.state() != State.REVIEW_REQUESTED) {
			throw new SchedaRefused(Kind.CONFLICT, "/state", "not-editable");
		}
		SchedaDocument current = latestFinalScores(planId).map(f -> onClosing(read, f)).orElse(read);
		List<Violation> bounds = bounds(ratings);
		if (!bounds.isEmpty()) {
			throw new SchedaRefused(Kind.INVALID, bounds);
		}
		Scheda scheda;
		try {
			scheda = Scheda.evaluate(policies.of(planId, current.policy()).policy(), managerId, current.group(),
					current.ownObjectives(), current.entityPerformance(), ratings);
		}
		catch (Scheda.RefusedScheda refused) {
			throw new SchedaRefused(Kind.INVALID, refused.violations());
		}
		SchedaDocument next = current.rated(List.copyOf(ratings), new SchedaDocument.Computed(scheda.behaviours(),
				scheda.total(), scheda.band().code(), scheda.band().share(), scheda.arithmetic()));
		store.replace(read, next);
		return next;
	}

	/** A step of the lifecycle; CORRECT inserts the next version and leaves the FINAL one as it is. */
	public SchedaDocument move(Actor actor, String planId, String managerId, Action action, Long revision,
			String reason) {
		if (action == null) {
			throw new SchedaRefused(Kind.INVALID, "/action", "required");
		}
		if (reason != null && reason.length() > MAX_TEXT) {
			throw new SchedaRefused(Kind.INVALID, "/reason", "too-long");
		}
		SchedaDocument read = current(planId, managerId, revision);
		Optional<ScoreDocument> latest = read.state() == State.FINAL ? Optional.empty() : latestFinalScores(planId);
		SchedaDocument current = latest.map(f -> onClosing(read, f)).orElse(read);
		if (action == Action.PROPOSE && current.computed() == null) {
			throw new SchedaRefused(Kind.CONFLICT, "/ratings", "not-rated");
		}
		Instant now = clock.instant();
		SchedaLifecycle moved;
		try {
			moved = new SchedaLifecycle(managerId, current.version(), current.state(), current.proposedAt(),
					current.history()).apply(action, SchedaRoles.lifecycleActor(actor, current), now,
							policies.reviewPeriod(), reason);
		}
		catch (SchedaLifecycle.Refused refused) {
			throw refusal(refused.reason());
		}
		if (action == Action.CORRECT) {
			SchedaDocument correction = onClosing(current.correction(reason, moved.history(), now,
					actor.username()), finalScores(planId));
			store.insert(correction);
			return correction;
		}
		if ((action == Action.PROPOSE || action == Action.FINALISE) && latest.isEmpty()) {
			throw new SchedaRefused(Kind.CONFLICT, "/planId", "scores-not-final");
		}
		if (action == Action.FINALISE && current.computed() == null) {
			throw new SchedaRefused(Kind.CONFLICT, "/ratings", "not-rated");
		}
		SchedaDocument next = current.moved(moved.state(), moved.proposedAt(),
				moved.proposedAt() == null ? null : moved.proposedAt().plus(policies.reviewPeriod()),
				moved.state() == State.FINAL ? now : null, moved.history());
		if (next.state() == State.FINAL) {
			next = next.withOutbox(announcements.finalised(next));
		}
		store.replace(read, next);
		if (next.state() == State.FINAL) {
			outbox.queued();
		}
		return next;
	}

	/** What {@code actor} may read of the plan's schede, every version. */
	public List<SchedaDocument> readable(Actor actor, String planId) {
		SchedaRoles.requireReader(actor);
		return store.all(planId).stream().filter(d -> SchedaRoles.readable(actor, d)).toList();
	}

	/** The versions of one manager's scheda {@code actor} may read; refused for another manager's. */
	public List<SchedaDocument> readable(Actor actor, String planId, String managerId) {
		SchedaRoles.requireReader(actor);
		if (!actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.EVALUATOR, Role.HR) && !actor.isManager(managerId)) {
			throw new SchedaRefused(Kind.FORBIDDEN, "/manager", "not-own-scheda");
		}
		List<SchedaDocument> versions = store.versions(planId, managerId).stream()
			.filter(d -> SchedaRoles.readable(actor, d)).toList();
		if (versions.isEmpty()) {
			throw new SchedaRefused(Kind.NOT_FOUND, "/manager", "no-scheda");
		}
		return versions;
	}

	/** The latest FINAL version of each manager's scheda: what pays and what transparency publishes. */
	public List<SchedaDocument> finals(String planId) {
		return store.finals(planId);
	}

	private SchedaDocument current(String planId, String managerId, Long revision) {
		if (revision == null) {
			throw new SchedaRefused(Kind.INVALID, "/revision", "required");
		}
		SchedaDocument current = store.latest(planId, managerId)
			.orElseThrow(() -> new SchedaRefused(Kind.NOT_FOUND, "/manager", "no-scheda"));
		if (current.revision() != revision) {
			throw new SchedaRefused(Kind.CONFLICT, "/revision", "stale-revision");
		}
		return current;
	}

	private ScoreDocument finalScores(String planId) {
		ScoreDocument last = scores.findAll(planId).stream().filter(ScoreDocument::finalCheckpoint).findFirst()
			.orElseThrow(() -> new SchedaRefused(Kind.CONFLICT, "/planId", "scores-not-final"));
		return scores.resolve(planId, last.checkpoint()).filter(c -> c.closing() != null)
			.map(CurrentScores.Current::document).filter(d -> d.status() == ScoreDocument.Status.FINAL)
			.orElseThrow(() -> new SchedaRefused(Kind.CONFLICT, "/planId", "scores-not-final"));
	}

	/** The final scores of the latest closing, or empty while the final checkpoint is reopened (or never closed). */
	private Optional<ScoreDocument> latestFinalScores(String planId) {
		try {
			return Optional.of(finalScores(planId));
		}
		catch (SchedaRefused notFinal) {
			return Optional.empty();
		}
	}

	/**
	 * The scheda with the organisational parts of {@code finals} (the latest closing), the total recomputed from its
	 * ratings; itself when they already come from that closing.
	 */
	private SchedaDocument onClosing(SchedaDocument d, ScoreDocument finals) {
		int closing = (int) finals.revision();
		if (finals.checkpoint().equals(d.checkpoint()) && closing == d.closing()) {
			return d;
		}
		NodeScore own = finals.scorecard().manager(d.managerId()).orElse(null);
		NodeScore entity = finals.scorecard().entity();
		if (own == null || own.score() == null || entity == null || entity.score() == null) {
			throw new SchedaRefused(Kind.CONFLICT, "/manager", "no-final-score");
		}
		SchedaDocument.Computed computed = null;
		if (d.computed() != null) {
			try {
				Scheda scheda = Scheda.evaluate(policies.of(d.planId(), d.policy()).policy(), d.managerId(), d.group(), own.score(),
						entity.score(), d.ratings());
				computed = new SchedaDocument.Computed(scheda.behaviours(), scheda.total(), scheda.band().code(),
						scheda.band().share(), scheda.arithmetic());
			}
			catch (Scheda.RefusedScheda policyChanged) {
				computed = null; // the ratings no longer fit the policy: rated again before it moves on
			}
		}
		return d.withParts(finals.checkpoint(), closing, own.score(), own.arithmetic(), entity.score(),
				entity.arithmetic(), computed);
	}

	private static SchedaRefused refusal(String reason) {
		return switch (reason) {
			case "role-not-allowed", "not-own-scheda", "own-scheda" -> new SchedaRefused(Kind.FORBIDDEN, "/action",
					reason);
			case "reason-required" -> new SchedaRefused(Kind.INVALID, "/reason", reason);
			default -> new SchedaRefused(Kind.CONFLICT, "/action", reason);
		};
	}

	private static List<Violation> bounds(List<Rating> ratings) {
		List<Violation> out = new ArrayList<>();
		if (ratings == null) {
			return List.of(new Violation("/ratings", "required"));
		}
		if (ratings.size() > MAX_RATINGS) {
			return List.of(new Violation("/ratings", "too-many"));
		}
		for (int i = 0; i < ratings.size(); i++) {
			Rating r = ratings.get(i);
			if (r == null || r.behaviour() == null || !CODE.matcher(r.behaviour()).matches()) {
				out.add(new Violation("/ratings/" + i + "/behaviour", "invalid-id"));
			}
			else if (r.reason() != null && r.reason().length() > MAX_TEXT) {
				out.add(new Violation("/ratings/" + i + "/reason", "too-long"));
			}
		}
		return out;
	}
}
