package org.cicloperformance.planservice.smvp.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.planservice.plan.ApprovingAct;
import org.cicloperformance.planservice.plan.PlanDiff;
import org.cicloperformance.planservice.security.Access;
import org.cicloperformance.planservice.security.Actor;
import org.cicloperformance.planservice.security.Role;
import org.cicloperformance.planservice.smvp.SmvpNotFoundException;
import org.cicloperformance.planservice.smvp.SmvpRequest;
import org.cicloperformance.planservice.smvp.SmvpService;
import org.cicloperformance.planservice.smvp.SmvpVersion;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The SMVP of the caller's entity, per year: the planner adopts version 1 and adds versions; the planner, the OIV
 * and viewers read them. Another entity's SMVP does not exist, as far as the caller can tell (404).
 */
@RestController
@RequestMapping("/api/smvp")
@Tag(name = "SMVP", description = "The scoring method (sistema di misurazione e valutazione della performance), "
		+ "versioned per entity and year")
class SmvpController {

	private final SmvpService smvp;

	private final Access access;

	SmvpController(SmvpService smvp, Access access) {
		this.smvp = smvp;
		this.access = access;
	}

	@PostMapping
	@Operation(summary = "Adopt version 1 of the SMVP of an entity and year (PLANNER)")
	ResponseEntity<VersionView> create(@RequestBody(required = false) SmvpRequest request) {
		var actor = access.planner();
		if (request != null && request.entity() != null) {
			access.requireOwnEntity(actor, request.entity()); // a missing entity is the validator's 422
		}
		var outcome = smvp.create(request, actor.username());
		return ResponseEntity.created(location(outcome.version())).body(VersionView.of(outcome.version(),
				outcome.planVersions()));
	}

	@PostMapping("/{id}/versions")
	@Operation(summary = "Adopt a new version: baseVersion must be the current one (409 otherwise); the plans of "
			+ "the entity and year publish a version applying it from appliesFrom (PLANNER)")
	ResponseEntity<VersionView> addVersion(@PathVariable String id,
			@RequestBody(required = false) SmvpRequest request) {
		var actor = access.planner();
		readable(actor, id);
		var outcome = smvp.addVersion(id, request, actor.username());
		return ResponseEntity.created(location(outcome.version())).body(VersionView.of(outcome.version(),
				outcome.planVersions()));
	}

	@GetMapping
	@Operation(summary = "List the SMVPs of the caller's entity, optionally of one year")
	List<SmvpSummary> list(@RequestParam(required = false) Integer year) {
		var actor = reader();
		return smvp.list(actor.entity(), year).stream()
			.map(first -> SmvpSummary.of(smvp.versions(first.smvpId())))
			.toList();
	}

	@GetMapping("/{id}")
	@Operation(summary = "Read an SMVP: its versions in short and the current one in full")
	SmvpView get(@PathVariable String id) {
		var versions = readable(reader(), id);
		return new SmvpView(SmvpSummary.of(versions), VersionView.of(versions.get(versions.size() - 1), null));
	}

	@GetMapping("/{id}/versions")
	@Operation(summary = "List the versions of an SMVP, oldest first")
	List<VersionSummary> versions(@PathVariable String id) {
		return readable(reader(), id).stream().map(VersionSummary::of).toList();
	}

	@GetMapping("/{id}/versions/{number}")
	@Operation(summary = "Read one version of an SMVP")
	VersionView version(@PathVariable String id, @PathVariable int number) {
		readable(reader(), id);
		return VersionView.of(smvp.version(id, number), null);
	}

	@GetMapping("/{id}/diff")
	@Operation(summary = "The differences between two versions of an SMVP")
	DiffView diff(@PathVariable String id, @RequestParam int from, @RequestParam int to) {
		readable(reader(), id);
		return new DiffView(id, from, to, smvp.diff(id, from, to));
	}

	/** The SMVP is the method everyone is scored by: the planner, the OIV and viewers read it. */
	private Actor reader() {
		return access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER);
	}

	private List<SmvpVersion> readable(Actor actor, String id) {
		var versions = smvp.versions(id);
		if (!actor.belongsTo(versions.get(0).entity())) {
			throw new SmvpNotFoundException(id);
		}
		return versions;
	}

	private static URI location(SmvpVersion version) {
		return URI.create("/api/smvp/" + version.smvpId() + "/versions/" + version.number());
	}

	record SmvpSummary(String id, String entity, int year, int currentVersion, List<VersionSummary> versions) {

		static SmvpSummary of(List<SmvpVersion> versions) {
			var first = versions.get(0);
			return new SmvpSummary(first.smvpId(), first.entity(), first.year(), versions.size(),
					versions.stream().map(VersionSummary::of).toList());
		}
	}

	record SmvpView(SmvpSummary smvp, VersionView current) {
	}

	record VersionSummary(int number, String title, ApprovingAct act, LocalDate appliesFrom, String reason,
			Instant createdAt, String createdBy) {

		static VersionSummary of(SmvpVersion v) {
			return new VersionSummary(v.number(), v.title(), v.act(), v.appliesFrom(), v.reason(), v.createdAt(),
					v.createdBy());
		}
	}

	/**
	 * One version in full; {@code publishedPlanVersions}, in the answer to a write, are the plan versions published
	 * to apply it (empty when the entity has no approved plan for the year, or its plan already applied it).
	 */
	record VersionView(String smvpId, String entity, int year, int number, String title,
			org.cicloperformance.planservice.smvp.ScoringRules rules,
			List<org.cicloperformance.planservice.smvp.QualitativeLevel> qualitativeScale,
			org.cicloperformance.planservice.plan.EvaluationPolicy evaluation, ApprovingAct act,
			LocalDate appliesFrom, String reason, Instant createdAt, String createdBy,
			List<Integer> publishedPlanVersions) {

		static VersionView of(SmvpVersion v, List<Integer> published) {
			return new VersionView(v.smvpId(), v.entity(), v.year(), v.number(), v.title(), v.rules(),
					v.qualitativeScale(), v.evaluation(), v.act(), v.appliesFrom(), v.reason(), v.createdAt(),
					v.createdBy(), published);
		}
	}

	record DiffView(String smvpId, int from, int to, List<PlanDiff.Difference> differences) {
	}
}
