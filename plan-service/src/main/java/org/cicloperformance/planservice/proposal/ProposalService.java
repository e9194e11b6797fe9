package org.cicloperformance.planservice.proposal;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.InputBounds;
import org.cicloperformance.planservice.plan.InvalidPlanException;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanChange;
import org.cicloperformance.planservice.plan.PlanConflictException;
import org.cicloperformance.planservice.plan.PlanService;
import org.cicloperformance.planservice.plan.PlanStatus;
import org.cicloperformance.planservice.plan.Revision;
import org.cicloperformance.planservice.plan.RevisionApplier;
import org.cicloperformance.planservice.plan.Violation;
import org.cicloperformance.planservice.security.Actor;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Proposals go from PENDING to APPROVED or REJECTED exactly once (a compare-and-set on the status). An approval
 * first writes the revision, which names the proposal, and then closes the proposal: if the second write is lost,
 * approving again finds the revision and only closes the proposal, so no proposal makes two versions.
 */
@Service
public class ProposalService {

	private final MongoTemplate mongo;

	private final PlanService plans;

	private final Clock clock;

	ProposalService(MongoTemplate mongo, PlanService plans, Clock clock) {
		this.mongo = mongo;
		this.plans = plans;
		this.clock = clock;
	}

	public Proposal propose(Plan plan, Actor manager, String checkpoint, String reason, List<ProposedChange> changes) {
		if (plan.status() != PlanStatus.APPROVED) {
			throw new PlanConflictException("notApproved", false, plan.id());
		}
		var current = plan.currentVersion().orElseThrow();
		InputBounds.require(new Request(checkpoint, reason, changes));
		var violations = new ArrayList<Violation>();
		if (current.content().checkpoints().stream().noneMatch(c -> c.id().equals(checkpoint))) {
			violations.add(Violation.of("/checkpoint", "checkpoint.unknown", String.valueOf(checkpoint)));
		}
		if (reason == null || reason.isBlank()) {
			violations.add(Violation.of("/reason", "required"));
		}
		for (int i = 0; i < changes.size(); i++) {
			var objective = current.content().operationalObjective(changes.get(i).objective());
			if (objective.isPresent() && !objective.get().manager().equals(manager.manager())) {
				throw new AccessDeniedException("objective " + changes.get(i).objective() + " is not the manager's");
			}
			if (changes.get(i).newTarget() == null) {
				violations.add(Violation.of("/changes/" + i + "/newTarget", "required"));
			}
		}
		if (violations.isEmpty()) {
			// the proposal must make a valid plan today, or it could never be approved
			var dryRun = new RevisionApplier().apply(current.content(), revisionOf(current.number(), reason,
					new ApprovingAct("verifica", "-", java.time.LocalDate.now(clock)), List.of(checkpoint), changes, null));
			dryRun.violations().stream().filter(v -> !v.pointer().equals("/act")).forEach(violations::add);
		}
		if (changes.isEmpty()) {
			violations.add(Violation.of("/changes", "revision.noChanges"));
		}
		if (!violations.isEmpty()) {
			throw new InvalidPlanException(violations);
		}
		var proposal = new Proposal(UUID.randomUUID().toString(), plan.id(), plan.entity(), checkpoint, manager.manager(),
				current.number(), reason, changes, Proposal.Status.PENDING, manager.username(), clock.instant(), null,
				null, null, null);
		mongo.insert(proposal);
		return proposal;
	}

	/** The fields of a proposal as the client sent them, so that bound violations name them by JSON pointer. */
	private record Request(String checkpoint, String reason, List<ProposedChange> changes) {
	}

	private record Decision(ApprovingAct act, List<String> appliesTo, String reason) {
	}

	public List<Proposal> of(String planId) {
		return mongo.find(query(where("planId").is(planId)).with(Sort.by("proposedAt")), Proposal.class);
	}

	public Proposal get(String planId, String id) {
		var proposal = mongo.findById(id, Proposal.class);
		if (proposal == null || !proposal.planId().equals(planId)) {
			throw new ProposalNotFoundException(id);
		}
		return proposal;
	}

	public Proposal approve(Proposal proposal, Actor planner, ApprovingAct act, List<String> appliesTo) {
		requirePendingAndNotOwn(proposal, planner);
		InputBounds.require(new Decision(act, appliesTo, null));
		var plan = plans.get(proposal.planId());
		var existing = plan.versions().stream()
			.filter(v -> v.revision() != null && proposal.id().equals(v.revision().proposal()))
			.findFirst();
		int version;
		if (existing.isPresent()) {
			version = existing.get().number();
		}
		else {
			var revision = revisionOf(plan.currentVersionNumber(), proposal.reason(), act,
					appliesTo == null || appliesTo.isEmpty() ? finalCheckpoint(plan) : appliesTo, proposal.changes(),
					proposal.id());
			version = plans.revise(plan.id(), revision, null, planner.username()).currentVersionNumber();
		}
		return decide(proposal, planner, Proposal.Status.APPROVED, null, version);
	}

	public Proposal reject(Proposal proposal, Actor planner, String reason) {
		requirePendingAndNotOwn(proposal, planner);
		InputBounds.require(new Decision(null, null, reason));
		if (reason == null || reason.isBlank()) {
			throw new InvalidPlanException(List.of(Violation.of("/reason", "required")));
		}
		return decide(proposal, planner, Proposal.Status.REJECTED, reason, null);
	}

	private Proposal decide(Proposal proposal, Actor planner, Proposal.Status status, String reason, Integer version) {
		var update = new Update().set("status", status)
			.set("decidedBy", planner.username())
			.set("decidedAt", clock.instant())
			.set("decisionReason", reason)
			.set("resultingVersion", version);
		var result = mongo.updateFirst(query(where("_id").is(proposal.id()).and("status").is(Proposal.Status.PENDING)),
				update, Proposal.class);
		if (result.getModifiedCount() != 1) {
			throw new PlanConflictException("proposalDecided", false, proposal.id());
		}
		return mongo.findById(proposal.id(), Proposal.class);
	}

	private static void requirePendingAndNotOwn(Proposal proposal, Actor planner) {
		if (proposal.status() != Proposal.Status.PENDING) {
			throw new PlanConflictException("proposalDecided", false, proposal.id());
		}
		// nobody approves their own targets, whatever roles they hold
		if (planner.username().equals(proposal.proposedBy()) || planner.manager() != null
				&& planner.manager().equals(proposal.manager())) {
			throw new AccessDeniedException("own proposal");
		}
	}

	private static List<String> finalCheckpoint(Plan plan) {
		return plan.content().finalCheckpoint().map(c -> List.of(c.id())).orElse(List.of());
	}

	private static Revision revisionOf(int baseVersion, String reason, ApprovingAct act, List<String> appliesTo,
			List<ProposedChange> changes, String proposalId) {
		var planChanges = changes.stream()
			.map(c -> new PlanChange(PlanChange.Type.TARGET_CHANGED, c.objective(), c.indicator(), c.newTarget(), null,
					null, c.reason()))
			.toList();
		return new Revision(baseVersion, reason, act, appliesTo, planChanges, proposalId);
	}
}
