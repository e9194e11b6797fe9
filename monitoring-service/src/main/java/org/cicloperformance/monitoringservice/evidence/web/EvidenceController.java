package org.cicloperformance.monitoringservice.evidence.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Attached;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Target;
import org.cicloperformance.monitoringservice.evidence.AttachingEvidence.Upload;
import org.cicloperformance.monitoringservice.evidence.StoredFile;
import org.cicloperformance.monitoringservice.result.AttachedEvidence;
import org.cicloperformance.monitoringservice.security.Access;
import org.cicloperformance.monitoringservice.security.Actor;
import org.cicloperformance.monitoringservice.security.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Files attached to a result as evidence for the OIV ("Documentazione e report da presentare all'OIV"). Uploading
 * is for the area office of the objective's area (the same rule as recording its result) and the planning office;
 * reading for every role that reads results. A result of another entity is not found (404).
 */
@RestController
@RequestMapping("/api/results/{planId}/{objective}/{indicator}/{checkpoint}/evidence")
@Tag(name = "evidence", description = "Files attached to results as evidence for the OIV")
class EvidenceController {

	private final AttachingEvidence service;

	private final Access access;

	EvidenceController(AttachingEvidence service, Access access) {
		this.service = service;
		this.access = access;
	}

	@Operation(summary = "Attach a file (multipart field 'file', optional 'description') to an existing result: 201 "
			+ "with its metadata; 200 with the existing metadata when the same bytes are attached already",
			description = "AREA_OFFICE of the objective's area, or PLANNER. Refused on a CLOSED checkpoint (409), "
					+ "empty (422), above monitoring.evidence.max-file-size (413), of a type not accepted (415).")
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<AttachedEvidence> upload(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint, @RequestPart("file") MultipartFile file,
			@Parameter(description = "What the file shows, for the OIV") @RequestParam(required = false)
			String description) throws IOException {
		Actor actor = access.requireAny(Role.AREA_OFFICE, Role.PLANNER);
		Target target = new Target(planId, objective, indicator, checkpoint);
		Attached attached = service.attach(actor, target, new Upload(file.getOriginalFilename(),
				file.getContentType(), file.getSize(), file, description));
		if (!attached.created()) {
			return ResponseEntity.ok(attached.evidence());
		}
		return ResponseEntity.created(UriComponentsBuilder
				.fromPath("/api/results/{planId}/{objective}/{indicator}/{checkpoint}/evidence/{id}")
				.buildAndExpand(planId, objective, indicator, checkpoint, attached.evidence().evidenceId())
				.encode().toUri()).body(attached.evidence());
	}

	@Operation(summary = "The files attached to a result, oldest first (every role but HR)")
	@GetMapping
	List<AttachedEvidence> list(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint) {
		return service.list(access.reader(), new Target(planId, objective, indicator, checkpoint));
	}

	@Operation(summary = "Download one attached file, as stored (every role but HR); ETag is its SHA-256")
	@GetMapping("/{evidenceId}")
	ResponseEntity<byte[]> download(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator, @PathVariable String checkpoint, @PathVariable String evidenceId) {
		StoredFile file = service.download(access.reader(), new Target(planId, objective, indicator, checkpoint),
				evidenceId);
		return ResponseEntity.ok()
				.contentType(MediaType.parseMediaType(file.contentType()))
				.contentLength(file.bytes().length)
				.eTag(file.sha256())
				.header(HttpHeaders.CONTENT_DISPOSITION, file.contentDisposition())
				.header("X-Content-Type-Options", "nosniff")
				// whatever a file holds, a browser that opens it anyway runs nothing from it
				.header("Content-Security-Policy", "default-src 'none'; sandbox")
				.body(file.bytes());
	}
}
