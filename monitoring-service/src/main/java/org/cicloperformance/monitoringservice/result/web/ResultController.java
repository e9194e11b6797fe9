package org.cicloperformance.monitoringservice.result.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.result.ResultChecker.Accepted;
import org.cicloperformance.monitoringservice.result.ResultChecker.Outcome;
import org.cicloperformance.monitoringservice.result.ResultChecker.Refused;
import org.cicloperformance.monitoringservice.result.ResultRequest;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.result.Violation;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
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

@RestController
@RequestMapping("/api/results")
@Tag(name = "results", description = "Results of the plan's indicators at each checkpoint")
class ResultController {

	private final ResultService service;

	private final IdempotentRequests idempotency;

	ResultController(ResultService service, IdempotentRequests idempotency) {
		this.service = service;
		this.idempotency = idempotency;
	}

	record BatchRequest(List<ResultRequest> results) {
	}

	record BatchResponse(List<RecordedResult> results) {
	}

	@Operation(summary = "Record one result (a correction when the indicator already has one at the checkpoint)")
	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> record(@RequestBody ResultRequest request,
			@Parameter(description = "Makes a retried request safe") @RequestHeader(name = IdempotentRequests.HEADER,
					required = false) String key) {
		return idempotency.run(key, "POST", "/api/results", idempotency.canonical(request), requestId -> {
			List<Outcome> outcomes = service.check(List.of(request));
			if (outcomes.get(0) instanceof Refused refused) {
				service.countRefused(outcomes);
				throw new RefusedException(refused.violations());
			}
			RecordedResult result = service.write(List.of((Accepted) outcomes.get(0)), requestId).get(0);
			return ResponseEntity.created(locationOf(result)).body(result);
		});
	}

	@Operation(summary = "Record several results: all are stored, or none when any is invalid")
	@PostMapping(path = "/batch", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> recordBatch(@RequestBody BatchRequest batch,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
		return idempotency.run(key, "POST", "/api/results/batch", idempotency.canonical(batch), requestId -> {
			if (batch.results() == null || batch.results().isEmpty()) {
				throw new RefusedException(Violation.of("/results", "required"));
			}
			List<Outcome> outcomes = service.check(batch.results());
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

	@Operation(summary = "Upload results as CSV (multipart field 'file'); see docs/monitoring.md for the columns")
	@PostMapping(path = "/csv", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> uploadCsv(@RequestPart("file") MultipartFile file,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) throws java.io.IOException {
		return csv(file.getBytes(), key);
	}

	@Operation(summary = "Upload results as a text/csv body")
	@PostMapping(path = "/csv", consumes = { "text/csv", MediaType.TEXT_PLAIN_VALUE })
	ResponseEntity<?> postCsv(@RequestBody byte[] body,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) {
		return csv(body, key);
	}

	private ResponseEntity<?> csv(byte[] bytes, String key) {
		return idempotency.run(key, "POST", "/api/results/csv", bytes, requestId -> {
			CsvResults.Parsed parsed = CsvResults.read(bytes, service.kindLookup());
			List<Violation> violations = new ArrayList<>(parsed.violations());
			List<Outcome> outcomes = service.check(parsed.requests());
			for (int i = 0; i < outcomes.size(); i++) {
				if (outcomes.get(i) instanceof Refused refused) {
					int line = parsed.lines().get(i);
					refused.violations().forEach(v -> violations.add(v.atLine(line, CsvResults.columnOf(v.pointer()))));
				}
			}
			if (!parsed.violations().isEmpty()) {
				service.countRefused("csv-unreadable-line", parsed.violations().size());
			}
			violations.sort(java.util.Comparator.comparing(v -> v.line() == null ? 0 : v.line()));
			return store(outcomes, violations, requestId);
		});
	}

	private ResponseEntity<?> store(List<Outcome> outcomes, List<Violation> violations, String requestId) {
		if (!violations.isEmpty()) {
			service.countRefused(outcomes);
			throw new RefusedException(violations);
		}
		List<Accepted> accepted = outcomes.stream().map(Accepted.class::cast).toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(new BatchResponse(service.write(accepted, requestId)));
	}

	@Operation(summary = "Latest version of each result, optionally of one plan and/or checkpoint")
	@GetMapping
	List<RecordedResult> latest(@RequestParam(required = false) String planId,
			@RequestParam(required = false) String checkpoint) {
		return service.latest(planId, checkpoint);
	}

	@Operation(summary = "Every version of one result, oldest first")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions")
	List<RecordedResult> versions(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint) {
		return service.history(planId, objective, indicator, checkpoint)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	@Operation(summary = "One version of one result")
	@GetMapping("/{planId}/{objective}/{indicator}/{checkpoint}/versions/{version}")
	RecordedResult version(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint, @PathVariable int version) {
		return service.history(planId, objective, indicator, checkpoint).orElse(List.of()).stream()
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
