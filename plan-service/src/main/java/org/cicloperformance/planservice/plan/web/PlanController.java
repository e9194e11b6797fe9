package org.cicloperformance.planservice.plan.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.Plan;
import org.cicloperformance.planservice.plan.PlanContent;
import org.cicloperformance.planservice.plan.PlanDiff;
import org.cicloperformance.planservice.plan.PlanService;
import org.cicloperformance.planservice.plan.PlanNotFoundException;
import org.cicloperformance.planservice.plan.Revision;
import org.cicloperformance.planservice.security.Access;
import org.cicloperformance.planservice.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Piani", description = "Performance plans, their approval, revisions and versions")
class PlanController {

	private final PlanService plans;

	private final Access access;

	PlanController(PlanService plans, Access access) {
		this.plans = plans;
		this.access = access;
	}

	@GetMapping
	@Operation(summary = "List the plans of the caller's entity, optionally of one year")
	List<PlanSummary> list(@RequestParam(required = false) Integer year) {
		var actor = access.reader();
		return plans.list(actor.entity(), year).stream().map(PlanSummary::of).toList();
	}

	@PostMapping
	@Operation(summary = "Create a draft plan (PLANNER)")
	ResponseEntity<PlanView> create(@RequestBody PlanContent content) {
		var actor = access.planner();
		access.requireOwnEntity(actor, content == null ? null : content.entity());
		return created(plans.create(content, actor.username()));
	}

	@PostMapping("/import")
	@Operation(summary = "Import a whole plan from one JSON document, approving it at once when an act is given "
			+ "(PLANNER)")
	ResponseEntity<PlanView> importPlan(@RequestBody ImportRequest request) {
		var actor = access.planner();
		access.requireOwnEntity(actor, request.plan() == null ? null : request.plan().entity());
		return created(plans.importPlan(request.plan(), request.approvalAct(), actor.username()));
	}

	@PostMapping("/validation")
	@Operation(summary = "Check a plan without storing it (PLANNER)")
	ValidationReport validate(@RequestBody PlanContent content) {
		access.planner();
		return ValidationReport.of(plans.check(content));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read a plan: the draft, or the latest approved version")
	ResponseEntity<PlanView> get(@PathVariable String id) {
		return withETag(ResponseEntity.ok(), readable(access.reader(), id));
	}

	@PutMapping("/{id}/draft")
	@Operation(summary = "Replace the content of a draft plan (PLANNER; If-Match: the ETag read)")
	ResponseEntity<PlanView> editDraft(@PathVariable String id, @RequestBody PlanContent content,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var actor = access.planner();
		readable(actor, id);
		return withETag(ResponseEntity.ok(), plans.updateDraft(id, content, ETags.revision(ifMatch), actor.username()));
	}

	@PostMapping("/{id}/approval")
	@Operation(summary = "Approve a draft: it becomes version 1 and is published on plan-events (PLANNER)")
	ResponseEntity<PlanView> approve(@PathVariable String id, @RequestBody ApprovingAct act,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var actor = access.planner();
		readable(actor, id);
		return withETag(ResponseEntity.ok(), plans.approve(id, act, ETags.revision(ifMatch), actor.username()));
	}

	@PostMapping("/{id}/revisions")
	@Operation(summary = "Apply a revision to an approved plan: it becomes the next version (PLANNER)")
	ResponseEntity<PlanView> revise(@PathVariable String id, @RequestBody Revision revision,
			@RequestHeader(name = "If-Match", required = false) String ifMatch) {
		var actor = access.planner();
		readable(actor, id);
		var plan = plans.revise(id, revision, ETags.revision(ifMatch), actor.username());
		var location = URI.create("/api/plans/" + id + "/versions/" + plan.currentVersionNumber());
		return withETag(ResponseEntity.created(location), plan);
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "List the approved versions of a plan")
	List<VersionSummary> versions(@PathVariable String id) {
		return readable(access.reader(), id).versions().stream().map(VersionSummary::of).toList();
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "Read one approved version")
	VersionView version(@PathVariable String id, @PathVariable int number) {
		readable(access.reader(), id);
		return VersionView.of(id, plans.version(id, number));
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "The differences between two versions")
	DiffView diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
		readable(access.reader(), id);
		List<PlanDiff.Difference> differences = plans.diff(id, from, to);
		return new DiffView(id, from, to, differences);
	}

	/** Another entity's plan does not exist, as far as this caller can tell. */
	private Plan readable(Actor actor, String id) {
		var plan = plans.get(id);
		if (!actor.belongsTo(plan.entity())) {
			throw new PlanNotFoundException(id);
		}
		return plan;
	}

	private static ResponseEntity<PlanView> created(Plan plan) {
		return withETag(ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/plans/" + plan.id())),
				plan);
	}

	private static ResponseEntity<PlanView> withETag(ResponseEntity.BodyBuilder builder, Plan plan) {
		return builder.eTag(ETags.of(plan.revision())).body(PlanView.of(plan));
	}

	record DiffView(String planId, int from, int to, List<PlanDiff.Difference> differences) {
	}
}
