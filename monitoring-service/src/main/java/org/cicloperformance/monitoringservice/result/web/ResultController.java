package org.cicloperformance.monitoringservice.result.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.result.RecordingResults;
import org.cicloperformance.monitoringservice.result.ResultRequest;
import org.cicloperformance.monitoringservice.result.ResultService;
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

	private final RecordingResults recording;

	private final ResultService results;

	private final IdempotentRequests idempotency;

	private final Access access;

	ResultController(RecordingResults recording, ResultService results, IdempotentRequests idempotency,
			Access access) {
		this.recording = recording;
		this.results = results;
		this.idempotency = idempotency;
		this.access = access;
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
			RecordedResult result = recording.recordOne(actor, request, requestId);
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
			return created(recording.recordBatch(actor, batch.results(), requestId));
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
		return idempotency.run(actor, key, "POST", "/api/results/csv", bytes,
				requestId -> created(recording.recordCsv(actor, bytes, requestId)));
	}

	private static ResponseEntity<?> created(List<RecordedResult> written) {
		return ResponseEntity.status(HttpStatus.CREATED).body(new BatchResponse(written));
	}

	@Operation(summary = "Latest version of each result of the caller's entity, optionally of one plan and/or "
			+ "checkpoint (every role but HR)")
	@GetMapping
	List<RecordedResult> latest(@RequestParam(required = false) String planId,
			@RequestParam(required = false) String checkpoint) {
		Actor actor = access.reader();
		return results.latest(actor.entity(), planId, checkpoint);
	}

	@Operation(summary = "Every version of one result, oldest first (every role but HR)")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions")
	List<RecordedResult> versions(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint) {
		Actor actor = access.reader();
		return results.history(actor.entity(), planId, objective, indicator, checkpoint)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Operation(summary = "One version of one result (every role but HR)")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions/{version}")
	RecordedResult version(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint, @PathVariable int version) {
		Actor actor = access.reader();
		return results.history(actor.entity(), planId, objective, indicator, checkpoint).orElse(List.of()).stream()
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
