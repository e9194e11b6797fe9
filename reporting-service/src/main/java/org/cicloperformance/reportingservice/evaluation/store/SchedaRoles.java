package org.cicloperformance.reportingservice.evaluation.store;

import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.State;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused.Kind;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;

/**
 * Who may read and act on a scheda (docs/security.md): the EVALUATOR on the dirigenti's, the OIV on the Segretario
 * Generale's, the manager on their own; PLANNER, OIV and EVALUATOR read all, HR the FINAL ones, a MANAGER their own
 * once proposed.
 */
final class SchedaRoles {

	private SchedaRoles() {
	}

	static boolean readable(Actor actor, SchedaDocument d) {
		if (actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.EVALUATOR)) {
			return true;
		}
		if (actor.isManager(d.managerId()) && d.state() != State.DRAFT) {
			return true;
		}
		return actor.hasAnyRole(Role.HR) && d.state() == State.FINAL;
	}

	static void requireReader(Actor actor) {
		if (!actor.hasAnyRole(Role.PLANNER, Role.OIV, Role.EVALUATOR, Role.HR, Role.MANAGER)) {
			throw new SchedaRefused(Kind.FORBIDDEN, "", "role-not-allowed");
		}
	}

	/** The EVALUATOR evaluates the dirigenti, the OIV the Segretario Generale; nobody their own scheda. */
	static void requireEvaluatorOf(Actor actor, RoleGroup group, String managerId) {
		boolean evaluator = group == RoleGroup.SEGRETARIO_GENERALE ? actor.hasAnyRole(Role.OIV)
				: actor.hasAnyRole(Role.EVALUATOR);
		if (!evaluator) {
			throw new SchedaRefused(Kind.FORBIDDEN, "", "role-not-allowed");
		}
		if (managerId.equals(actor.manager())) {
			throw new SchedaRefused(Kind.FORBIDDEN, "/manager", "own-scheda");
		}
	}

	static SchedaLifecycle.Actor lifecycleActor(Actor actor, SchedaDocument d) {
		List<SchedaLifecycle.Role> roles = new ArrayList<>();
		boolean sg = d.group() == RoleGroup.SEGRETARIO_GENERALE;
		if (sg ? actor.hasAnyRole(Role.OIV) : actor.hasAnyRole(Role.EVALUATOR)) {
			roles.add(SchedaLifecycle.Role.EVALUATOR);
		}
		if (actor.hasAnyRole(Role.MANAGER)) {
			roles.add(SchedaLifecycle.Role.MANAGER);
		}
		if (actor.hasAnyRole(Role.OIV)) {
			roles.add(SchedaLifecycle.Role.OIV);
		}
		return new SchedaLifecycle.Actor(actor.username(), roles, actor.hasAnyRole(Role.MANAGER) ? actor.manager()
				: null);
	}
}
