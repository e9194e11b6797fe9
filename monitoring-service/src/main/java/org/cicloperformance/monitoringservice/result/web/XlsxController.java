package org.cicloperformance.monitoringservice.result.web;

import io.swagger.v3.oas.annotations.Operation;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.result.RecordingResults;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.result.csv.CsvResults;
import org.cicloperformance.monitoringservice.result.xlsx.XlsxResults;
import org.cicloperformance.monitoringservice.result.xlsx.XlsxResults.CellRefusal;
import org.cicloperformance.monitoringservice.result.xlsx.XlsxTemplate;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.web.Problems;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The spreadsheet round trip: the XLSX template of the caller's indicators at a checkpoint, and its upload, read
 * into the CSV upload's path (same roles, area scope, checks and all-or-nothing write). Refusals name the sheet,
 * row and column of each cell.
 */
@RestController
@RequestMapping("/api/results/xlsx")
class XlsxController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	/** The XLSX reader's own messages first ({@code xlsx.<code>}), its title when the type has none. */
	private static final Problems.Texts XLSX_TEXTS = new Problems.Texts("xlsx.title", "xlsx.");

	private final RecordingResults recording;

	private final ResultService results;

	private final IdempotentRequests idempotency;

	private final Access access;

	private final Problems problems;

	XlsxController(RecordingResults recording, ResultService results, IdempotentRequests idempotency, Access access,
			Problems problems) {
		this.recording = recording;
		this.results = results;
		this.idempotency = idempotency;
		this.access = access;
		this.problems = problems;
	}

	@Operation(summary = "XLSX template of the caller's indicators (objectives of its areas) at a checkpoint "
			+ "(AREA_OFFICE only); see docs/monitoring.md")
	@GetMapping
	ResponseEntity<?> template(@RequestParam String planId, @RequestParam String checkpoint) {
		Actor actor = access.recorder();
		return XlsxTemplate.of(actor, results.plansOf(actor.entity()), planId, checkpoint,
				previous -> results.latest(actor.entity(), planId, previous))
			.<ResponseEntity<?>>map(bytes -> ResponseEntity.ok().contentType(XLSX)
				.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
					.filename("risultati-" + planId + "-" + checkpoint + ".xlsx").build().toString())
				.body(bytes))
			.orElseGet(() -> problem(404, "plan-unknown", List.of(new CellRefusal(null, null, null,
					Violation.of("/planId", "plan-unknown", planId)))));
	}

	@Operation(summary = "Upload a filled-in XLSX template (multipart field 'file'): all results are stored, or none "
			+ "(AREA_OFFICE only, objectives of the user's areas)")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<?> upload(@RequestPart("file") MultipartFile file,
			@RequestHeader(name = IdempotentRequests.HEADER, required = false) String key) throws IOException {
		Actor actor = access.recorder();
		if (file.getSize() > CsvResults.MAX_BYTES) {
			return problem(413, "xlsx-too-large", List.of(new CellRefusal(null, null, null, Violation.of("",
					"xlsx-too-large", CsvResults.MAX_BYTES))));
		}
		XlsxResults.Converted converted;
		try {
			converted = XlsxResults.read(file.getBytes(), file.getContentType(), file.getOriginalFilename());
		}
		catch (XlsxResults.Unreadable e) {
			return problem(e.refusals());
		}
		try {
			return idempotency.run(actor, key, "POST", "/api/results/xlsx", converted.csv(),
					requestId -> ResponseEntity.status(HttpStatus.CREATED).body(new ResultController.BatchResponse(
							recording.recordCsv(actor, converted.csv(), requestId))));
		}
		catch (RefusedException e) {
			return problem(e.status(), e.type(), XlsxResults.placed(e, converted));
		}
	}

	private ResponseEntity<ProblemDetail> problem(List<CellRefusal> refusals) {
		Violation first = refusals.get(0).violation();
		boolean sameStatus = refusals.stream().allMatch(r -> status(r.violation()) == status(first));
		boolean sameCode = refusals.stream().allMatch(r -> r.violation().code().equals(first.code()));
		return problem(sameStatus ? status(first) : 422, sameCode ? first.code() : "invalid-result", refusals);
	}

	/** The reader's own refusals (codes xlsx-…); the CSV path's keep Violation's statuses. */
	private static int status(Violation v) {
		return switch (v.code()) {
			case "xlsx-too-large" -> 413;
			case "xlsx-macro", "xlsx-unreadable" -> 415;
			case "xlsx-sheets", "xlsx-header", "xlsx-empty" -> 400;
			default -> v.status();
		};
	}

	private ResponseEntity<ProblemDetail> problem(int status, String type, List<CellRefusal> refusals) {
		return problems.of(status, type, refusals.stream().map(XlsxController::refusal).toList(), XLSX_TEXTS);
	}

	/** A refusal with the cell it names (sheet, row, column: null when it names no cell). */
	private static Problems.Refusal refusal(CellRefusal r) {
		Map<String, Object> cell = new LinkedHashMap<>();
		cell.put("sheet", r.sheet());
		cell.put("row", r.row());
		cell.put("column", r.column());
		return new Problems.Refusal(r.violation(), cell);
	}
}
