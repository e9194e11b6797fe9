package org.cicloperformance.reportingservice.evaluation.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy;
import org.cicloperformance.reportingservice.evaluation.EvaluationPolicy.RoleGroup;
import org.cicloperformance.reportingservice.evaluation.Scheda.Rating;
import org.cicloperformance.reportingservice.evaluation.SchedaLifecycle.Action;
import org.cicloperformance.reportingservice.evaluation.store.Policies;
import org.cicloperformance.reportingservice.evaluation.store.SchedaDocument;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused;
import org.cicloperformance.reportingservice.evaluation.store.Schede;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schede di valutazione of a plan (docs/evaluation.md): read, created from the FINAL scores, rated, moved
 * through their states. Roles are checked before the body is read, so that a refused caller learns nothing from
 * its request's shape; another entity's plan is not found.
 */
@RestController
@RequestMapping("/api/plans/{planId}/schede")
class SchedaController {

	private final Schede schede;

	private final Policies policies;

	private final Access access;

	SchedaController(Schede schede, Policies policies, Access access) {
		this.schede = schede;
		this.policies = policies;
		this.access = access;
	}

	record CreateRequest(String manager, RoleGroup group) {
	}

	record RatingsRequest(Long revision, List<Rating> ratings) {
	}

	record TransitionRequest(Action action, Long revision, String reason) {
	}

	/** The catalogue the evaluator rates against: scale, behaviours with descriptors, when a reason is required. */
	record PolicyView(String source, EvaluationPolicy.Scale scale, int reasonRequiredBelow,
			List<EvaluationPolicy.Behaviour> behaviours, Map<RoleGroup, EvaluationPolicy.PartWeights> weights) {
	}

	record SchedaView(SchedaDocument scheda, int versions, PolicyView policy) {
	}

	record SchedeView(String planId, List<SchedaDocument> schede) {
	}

	@GetMapping
	SchedeView list(@PathVariable String planId) {
		Actor actor = reader(planId);
		Map<String, SchedaDocument> latest = new LinkedHashMap<>();
		schede.readable(actor, planId).forEach(d -> latest.put(d.managerId(), d));
		return new SchedeView(planId, List.copyOf(latest.values()));
	}

	@GetMapping("/{managerId}")
	SchedaView one(@PathVariable String planId, @PathVariable String managerId) {
		List<SchedaDocument> versions = schede.readable(reader(planId), planId, managerId);
		return new SchedaView(versions.get(versions.size() - 1), versions.size(),
				policy(versions.get(versions.size() - 1)));
	}

	@GetMapping("/{managerId}/versions")
	List<SchedaDocument> versions(@PathVariable String planId, @PathVariable String managerId) {
		return schede.readable(reader(planId), planId, managerId);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	SchedaView create(@PathVariable String planId, @RequestBody(required = false) CreateRequest body) {
		Actor actor = access.requireAny(Role.EVALUATOR, Role.OIV);
		access.plan(planId);
		if (body == null) {
			throw new SchedaRefused(SchedaRefused.Kind.INVALID, "", "body-required");
		}
		SchedaDocument created = schede.create(actor, planId, body.manager(), body.group());
		return new SchedaView(created, 1, policy(created));
	}

	@PutMapping("/{managerId}/ratings")
	SchedaView rate(@PathVariable String planId, @PathVariable String managerId,
			@RequestBody(required = false) RatingsRequest body) {
		Actor actor = access.requireAny(Role.EVALUATOR, Role.OIV);
		access.plan(planId);
		if (body == null) {
			throw new SchedaRefused(SchedaRefused.Kind.INVALID, "", "body-required");
		}
		SchedaDocument rated = schede.rate(actor, planId, managerId, body.revision(), body.ratings());
		return new SchedaView(rated, rated.version(), policy(rated));
	}

	@PostMapping("/{managerId}/transitions")
	SchedaView move(@PathVariable String planId, @PathVariable String managerId,
			@RequestBody(required = false) TransitionRequest body) {
		Actor actor = access.requireAny(Role.EVALUATOR, Role.OIV, Role.MANAGER);
		access.plan(planId);
		if (body == null) {
			throw new SchedaRefused(SchedaRefused.Kind.INVALID, "", "body-required");
		}
		SchedaDocument moved = schede.move(actor, planId, managerId, body.action(), body.revision(), body.reason());
		return new SchedaView(moved, moved.version(), policy(moved));
	}

	private Actor reader(String planId) {
		Actor actor = access.requireAny(Role.PLANNER, Role.OIV, Role.EVALUATOR, Role.HR, Role.MANAGER);
		access.plan(planId);
		return actor;
	}

	/** The policy the scheda was made under: its SMVP version's, or the configured file. */
	private PolicyView policy(SchedaDocument scheda) {
		Policies.InForce inForce = policies.of(scheda.planId(), scheda.policy());
		EvaluationPolicy p = inForce.policy();
		return new PolicyView(inForce.source(), p.scale(), p.reasonRequiredBelow(), p.behaviours(), p.weights());
	}
}
