package org.cicloperformance.planservice.proposal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanNotFoundException;
import org.cicloperformance.planservice.plan.PlanService;
import org.cicloperformance.planservice.proposal.Proposal;
import org.cicloperformance.planservice.proposal.ProposalService;
import org.cicloperformance.planservice.proposal.ProposedChange;
import org.cicloperformance.planservice.security.Access;
import org.cicloperformance.planservice.security.Actor;
import org.cicloperformance.planservice.security.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans/{planId}/proposals")
@Tag(name = "Proposte", description = "Managers' proposals to change expected values, approved or rejected by a planner")
class ProposalController {

	record ProposalRequest(String checkpoint, String reason, List<ProposedChange> changes) {
	}

	record ApprovalRequest(ApprovingAct act, List<String> appliesTo) {
	}

	record RejectionRequest(String reason) {
	}

	private final ProposalService proposals;

	private final PlanService plans;

	private final Access access;

	ProposalController(ProposalService proposals, PlanService plans, Access access) {
		this.proposals = proposals;
		this.plans = plans;
		this.access = access;
	}

	@PostMapping
	@Operation(summary = "Propose new expected values for one's own objectives (MANAGER)")
	ResponseEntity<Proposal> propose(@PathVariable String planId, @RequestBody ProposalRequest request) {
		var manager = access.requireAny(Role.MANAGER);
		var proposal = proposals.propose(readable(manager, planId), manager, request.checkpoint(), request.reason(),
				request.changes() == null ? List.of() : request.changes());
		return ResponseEntity.created(URI.create("/api/plans/" + planId + "/proposals/" + proposal.id())).body(proposal);
	}

	@GetMapping
	@Operation(summary = "Every proposal of a plan, pending or decided")
	List<Proposal> list(@PathVariable String planId) {
		readable(access.requireAny(Role.PLANNER, Role.MANAGER, Role.OIV, Role.VIEWER), planId);
		return proposals.of(planId);
	}

	@GetMapping("/{id}")
	@Operation(summary = "One proposal")
	Proposal get(@PathVariable String planId, @PathVariable String id) {
		readable(access.requireAny(Role.PLANNER, Role.MANAGER, Role.OIV, Role.VIEWER), planId);
		return proposals.get(planId, id);
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "Approve a proposal: it becomes the plan's next version (PLANNER, not the proposer)")
	Proposal approve(@PathVariable String planId, @PathVariable String id, @RequestBody ApprovalRequest request) {
		var planner = access.planner();
		readable(planner, planId);
		return proposals.approve(proposals.get(planId, id), planner, request.act(), request.appliesTo());
	}

	@PostMapping("/{id}/rejection")
	@Operation(summary = "Reject a proposal with a reason; it stays on record (PLANNER)")
	Proposal reject(@PathVariable String planId, @PathVariable String id, @RequestBody RejectionRequest request) {
		var planner = access.planner();
		readable(planner, planId);
		return proposals.reject(proposals.get(planId, id), planner, request.reason());
	}

	private Plan readable(Actor actor, String planId) {
		var plan = plans.get(planId);
		if (!actor.belongsTo(plan.entity())) {
			throw new PlanNotFoundException(planId);
		}
		return plan;
	}
}
