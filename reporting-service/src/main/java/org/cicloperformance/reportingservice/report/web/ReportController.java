package org.cicloperformance.reportingservice.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cicloperformance.reportingservice.report.ReportService;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The monitoring report of a plan at a checkpoint, as PDF and as HTML, in Italian ({@code ?lang=en} for the
 * English labels; the plan's texts stay as written). Any role of the plan's entity reads it; another entity's plan
 * is answered as one that does not exist. The dashboard has its own copy of the PDF's address: the API's needs
 * credentials that a browser session does not send.
 */
@RestController
class ReportController {

	static final MediaType PDF = MediaType.APPLICATION_PDF;

	private final ReportService reports;

	private final Access access;

	ReportController(ReportService reports, Access access) {
		this.reports = reports;
		this.access = access;
	}

	@GetMapping(path = "/api/plans/{planId}/checkpoints/{checkpoint}/report.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String planId, @PathVariable String checkpoint,
			@RequestParam(required = false) String lang) {
		requireReader(planId, checkpoint);
		return download(reports.pdf(planId, checkpoint, locale(lang)), PDF, ".pdf");
	}

	@GetMapping(path = "/api/plans/{planId}/checkpoints/{checkpoint}/report.html", produces = "text/html")
	ResponseEntity<byte[]> html(@PathVariable String planId, @PathVariable String checkpoint,
			@RequestParam(required = false) String lang) {
		requireReader(planId, checkpoint);
		return inline(reports.html(planId, checkpoint, locale(lang)));
	}

	@GetMapping(path = "/dashboard/plans/{planId}/report.pdf", produces = "application/pdf")
	ResponseEntity<byte[]> dashboardPdf(@PathVariable String planId, @RequestParam String checkpoint,
			@RequestParam(required = false) String lang) {
		return pdf(planId, checkpoint, lang);
	}

	/** The rule of the report ({@code PlanScope#report}); another entity's plan, like an unknown one, is not found. */
	private void requireReader(String planId, String checkpoint) {
		access.plan(planId, () -> new NotFoundException("notFound.scores", planId, checkpoint)).requireReport();
	}

	static Locale locale(String lang) {
		return "en".equalsIgnoreCase(lang) ? Locale.ENGLISH : Locale.ITALIAN;
	}

	private static ResponseEntity<byte[]> download(ReportService.Rendered rendered, MediaType type, String extension) {
		return ResponseEntity.ok().contentType(type)
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment().filename(rendered.fileName() + extension).build().toString())
				.body(rendered.content());
	}

	private static ResponseEntity<byte[]> inline(ReportService.Rendered rendered) {
		return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
				.header(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.inline().filename(rendered.fileName() + ".html").build().toString())
				.body(rendered.content());
	}
}
