package org.cicloperformance.reportingservice.evaluation.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.store.TransparencyData;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The transparency data of the premiums (D.Lgs. 33/2013 art. 20) as JSON with column descriptions, three CSV files
 * and an HTML page the body saves or links from its "Amministrazione trasparente". Not anonymous: every API call
 * is of a user of the entity (docs/security.md, "Evaluation"); PLANNER, OIV and HR read it and the body publishes
 * the files, which hold aggregates only.
 */
@RestController
@RequestMapping("/api/plans/{planId}/transparency")
class TransparencyController {

	private final TransparencyData data;

	private final Access access;

	private final ITemplateEngine templates;

	TransparencyController(TransparencyData data, Access access, ITemplateEngine templates) {
		this.data = data;
		this.access = access;
		this.templates = templates;
	}

	@GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
	TransparencyData.View json(@PathVariable String planId) {
		return view(planId);
	}

	@GetMapping(path = "/amounts.csv", produces = "text/csv")
	ResponseEntity<byte[]> amounts(@PathVariable String planId) {
		return csv("ammontare-premi-" + planId + ".csv", TransparencyData.amountsCsv(view(planId)));
	}

	@GetMapping(path = "/distribution.csv", produces = "text/csv")
	ResponseEntity<byte[]> distribution(@PathVariable String planId) {
		return csv("dati-premi-" + planId + ".csv", TransparencyData.distributionCsv(view(planId)));
	}

	@GetMapping(path = "/differentiation.csv", produces = "text/csv")
	ResponseEntity<byte[]> differentiation(@PathVariable String planId) {
		return csv("differenziazione-premi-" + planId + ".csv", TransparencyData.differentiationCsv(view(planId)));
	}

	@GetMapping(path = "/page", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> html(@PathVariable String planId) {
		String page = templates.process("evaluation/trasparenza",
				new Context(Locale.ITALIAN, Map.of("t", view(planId), "f", Formats.italian())));
		return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
	}

	private TransparencyData.View view(String planId) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.HR);
		access.plan(planId);
		return data.view(planId);
	}

	private static ResponseEntity<byte[]> csv(String name, String csv) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}
}
