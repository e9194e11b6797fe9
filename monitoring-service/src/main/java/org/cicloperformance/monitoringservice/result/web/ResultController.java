package org.cicloperformance.monitoringservice.result.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointGate;
import org.cicloperformance.monitoringservice.result.InputBounds;
import org.cicloperformance.monitoringservice.result.PlanLookup;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.cicloperformance.monitoringservice.result.ResultChecker.Outcome;
import org.cicloperformance.monitoringservice.result.ResultChecker.Refused;
import org.cicloperformance.monitoringservice.result.ResultRequest;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.result.Violation;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Results API. Recording is for area offices, and only for the objectives of their organisational areas: each
 * item is checked against the objective it names, in the plan version in force at its checkpoint, and a request
 * with any item outside the user's areas is refused whole (403). Results are recorded as reported by the
 * authenticated user. Reads are for every role but HR, and see only the caller's entity.
 */
@RestController
@RequestMapping("/api/results")
@Tag(name = "results", description = "Results of the plan's indicators at each checkpoint")
class ResultController {

	private static final String REPORTED_BY = " Recorded as reported by the authenticated user: the body's "
			+ "reportedBy (the CSV's referente) is ignored. AREA_OFFICE only, for objectives of the user's areas "
			+ "(403 naming the item otherwise; nothing is stored).";

	private final ResultService service;

	private final IdempotentRequests idempotency;

	private final Access access;

	private final CheckpointGate checkpoints;

	ResultController(ResultService service, IdempotentRequests idempotency, Access access, CheckpointGate checkpoints) {
		this.service = service;
		this.idempotency = idempotency;
		this.access = access;
		this.checkpoints = checkpoints;
	}

	record BatchRequest(List<ResultRequest> results) {
	}

	record BatchResponse(List<RecordedResult> results) {
	}

	@Operation(summary = "Record one result (a correction when the indicator already has one at the checkpoint)",
			description = REPORTED_BY)
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> record(@RequestBody ResultRequest body,
			@Parameter(description = "Makes a retried request safe") @RequestHeader(name = IdempotentRequests.HEADER,
					required = false) String key) {
		Actor actor = access.recorder();
		ResultRequest request = body.asReportedBy(actor.username());
		return idempotency.run(actor, key, "POST", "/api/results", () -> idempotency.canonical(request), requestId -> {
			PlanLookup plans = service.plansOf(actor.entity());
			refuseOutsideAreas(actor, plans, List.of(request), (i, v) -> v);
			refuseOnReviewedCheckpoints(actor, List.of(request), (i, v) -> v);
			List<Outcome> outcomes = service.check(List.of(request), plans);
			if (outcomes.get(0) instanceof Refused refused) {
				service.countRefused(outcomes);
				throw new RefusedException(refused.violations());
			}
			RecordedResult result = service.write(List.of((Accepted) outcomes.get(0)), requestId).get(0);
			return ResponseEntity.created(locationOf(result)).body(result);
		});
	}

	@Operation(summary = "Record several results: all are stored, or none when any is invalid",
			description = REPORTED_BY)
	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> recordBatch(@RequestBody BatchRequest body,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
		Actor actor = access.recorder();
		BatchRequest batch = new BatchRequest(body.results() == null ? null
				: body.results().stream().map(r -> r == null ? null : r.asReportedBy(actor.username())).toList());
		return idempotency.run(actor, key, "POST", "/api/results/batch", () -> idempotency.canonical(batch), requestId -> {
			if (batch.results() == null || batch.results().isEmpty() || batch.results().contains(null)) {
				throw new RefusedException(Violation.of("/results", "required"));
			}
			if (batch.results().size() > InputBounds.MAX_BATCH) {
				service.countRefused("batch-too-large", 1);
				throw new RefusedException(Violation.of("/results", "batch-too-large", InputBounds.MAX_BATCH));
			}
			PlanLookup plans = service.plansOf(actor.entity());
			refuseOutsideAreas(actor, plans, batch.results(), (i, v) -> v.under("/results/" + i));
			refuseOnReviewedCheckpoints(actor, batch.results(), (i, v) -> v.under("/results/" + i));
			List<Outcome> outcomes = service.check(batch.results(), plans);
			List<Violation> violations = new ArrayList<>();
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i) instanceof Refused refused) {
					String prefix = "/results/" + i;
					refused.violations().forEach(v -> violations.add(v.under(prefix)));
				}
			}
			return store(outcomes, violations, requestId);
		});
	}

	@Operation(summary = "Upload results as CSV (multipart field 'file'); see docs/monitoring.md for the columns",
			description = REPORTED_BY)
	@PostMapping(path = "/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> uploadCsv(@RequestPart("file") MultipartFile file,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) throws java.io.IOException {
		Actor actor = access.recorder();
		return csv(actor, file.getBytes(), key);
	}

	@Operation(summary = "Upload results as a text/csv body", description = REPORTED_BY)
	@PostMapping(path = "/csv", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<?> postCsv(@RequestBody byte[] body,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
		Actor actor = access.recorder();
		return csv(actor, body, key);
	}

	private ResponseEntity<?> csv(Actor actor, byte[] bytes, String key) {
		return idempotency.run(actor, key, "POST", "/api/results/csv", bytes, requestId -> {
			PlanLookup plans = service.plansOf(actor.entity());
			CsvResults.Parsed parsed = CsvResults.read(bytes, service.kindLookup(plans));
			refuseOutsideAreas(actor, plans, parsed.targets());
			List<ResultRequest> requests = parsed.requests().stream().map(r -> r.asReportedBy(actor.username()))
					.toList();
			refuseOnReviewedCheckpoints(actor, requests, (i, v) -> v.atLine(parsed.lines().get(i), "checkpoint"));
			List<Violation> violations = new ArrayList<>(parsed.violations());
			List<Outcome> outcomes = service.check(requests, plans);
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i) instanceof Refused refused) {
					int line = parsed.lines().get(i);
					refused.violations().forEach(v -> violations.add(v.atLine(line, CsvResults.columnOf(v.pointer()))));
				}
			}
			if (!parsed.violations().isEmpty()) {
				service.countRefused("csv-unreadable-line", parsed.violations().size());
			}
			violations.sort(Comparator.comparing(v -> v.line() == null ? 0 : v.line()));
			return store(outcomes, violations, requestId);
		});
	}

	/**
	 * 403 for the whole request when any item reports on an objective outside the user's areas; {@code placement}
	 * puts the item's index into the pointer.
	 */
	private void refuseOutsideAreas(Actor actor, PlanLookup plans, List<ResultRequest> requests,
			BiFunction<Integer, Violation, Violation> placement) {
		List<Violation> forbidden = new ArrayList<>();
		for (int i = 0; i < requests.size(); i++) {
			ResultRequest r = requests.get(i);
			int index = i;
			outsideAreas(actor, plans, r.planId(), r.objective(), r.checkpoint())
				.ifPresent(v -> forbidden.add(placement.apply(index, v)));
		}
		refuse(forbidden, requests.size());
	}

	private void refuseOutsideAreas(Actor actor, PlanLookup plans, List<CsvResults.Target> lines) {
		List<Violation> forbidden = new ArrayList<>();
		for (CsvResults.Target line : lines) {
			outsideAreas(actor, plans, line.planId(), line.objective(), line.checkpoint())
				.ifPresent(v -> forbidden.add(v.atLine(line.line(), "obiettivo")));
		}
		refuse(forbidden, lines.size());
	}

	/**
	 * 409 for the whole request when any item is on a CLOSED checkpoint, or on one under review without being the
	 * correction of a REJECTED indicator (one read of each checkpoint named, not one per item).
	 */
	private void refuseOnReviewedCheckpoints(Actor actor, List<ResultRequest> requests,
			BiFunction<Integer, Violation, Violation> placement) {
		List<Violation> refused = checkpoints.refusals(actor.entity(), requests, placement);
		if (refused.isEmpty()) {
			return;
		}
		refused.forEach(v -> service.countRefused(v.code(), 1));
		if (requests.size() > refused.size()) {
			service.countRefused("batch-rejected", requests.size() - refused.size());
		}
		throw new RefusedException(refused);
	}

	private void refuse(List<Violation> forbidden, int items) {
		if (forbidden.isEmpty()) {
			return;
		}
		service.countRefused("area-forbidden", forbidden.size());
		if (items > forbidden.size()) {
			service.countRefused("batch-rejected", items - forbidden.size());
		}
		throw new RefusedException(forbidden);
	}

	/**
	 * The objective named, looked up in the version in force at the checkpoint: refused when its area is not one of
	 * the user's. An objective that cannot be found there is left to the checker, which refuses it anyway.
	 */
	private static Optional<Violation> outsideAreas(Actor actor, PlanLookup plans, String planId, String objective,
			String checkpoint) {
		return plans.objectiveInForce(planId, objective, checkpoint)
			.filter(o -> !actor.worksFor(o.organisationalArea()))
			.map(o -> Violation.of("/objective", "area-forbidden", o.code(), o.organisationalArea(),
					String.join(", ", new TreeSet<>(actor.areas()))));
	}

	private ResponseEntity<?> store(List<Outcome> outcomes, List<Violation> violations, String requestId) {
		if (!violations.isEmpty()) {
			service.countRefused(outcomes);
			throw new RefusedException(violations);
		}
		List<Accepted> accepted = outcomes.stream().map(Accepted.class::cast).toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(new BatchResponse(service.write(accepted, requestId)));
	}

	@Operation(summary = "Latest version of each result of the caller's entity, optionally of one plan and/or "
			+ "checkpoint (every role but HR)")
	@GetMapping
	List<RecordedResult> latest(@RequestParam(required = false) String planId,
			@RequestParam(required = false) String checkpoint) {
		Actor actor = access.reader();
		return service.latest(actor.entity(), planId, checkpoint);
	}

	@Operation(summary = "Every version of one result, oldest first (every role but HR)")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions")
	List<RecordedResult> versions(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint) {
		Actor actor = access.reader();
		return service.history(actor.entity(), planId, objective, indicator, checkpoint)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Operation(summary = "One version of one result (every role but HR)")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions/{version}")
	RecordedResult version(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint, @PathVariable int version) {
		Actor actor = access.reader();
		return service.history(actor.entity(), planId, objective, indicator, checkpoint).orElse(List.of()).stream()
				.filter(r -> r.version() == version).findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static URI locationOf(RecordedResult result) {
		return UriComponentsBuilder.fromPath("/api/results/{planId}/{objective}/{indicator}/{checkpoint}/versions/{v}")
				.buildAndExpand(result.planId(), result.objective(), result.indicator(), result.checkpoint(),
						result.version())
				.encode().toUri();
	}
}
