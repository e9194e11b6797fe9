package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.reportingservice.evaluation.store.EvaluationCsv;
import org.cicloperformance.reportingservice.evaluation.store.PayTables;
import org.cicloperformance.reportingservice.evaluation.store.TransparencyData;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The result pay table (issue 16) and the dashboard's own copies of its downloads: the pay CSV, the transparency
 * page and its three CSV files, for the signed-in readers of pay (the API's copies need a token or Basic
 * credentials, which a browser session does not send). Same rule as the API's: PLANNER, OIV, HR.
 */
@Controller
@Hidden
@RequestMapping("/dashboard/plans/{planId}")
class PayPagesController {

	private final PayPages pages;

	private final PayTables pay;

	private final TransparencyData transparency;

	private final Access access;

	private final ITemplateEngine templates;

	PayPagesController(PayPages pages, PayTables pay, TransparencyData transparency, Access access,
			ITemplateEngine templates) {
		this.pages = pages;
		this.pay = pay;
		this.transparency = transparency;
		this.access = access;
		this.templates = templates;
	}

	@GetMapping("/pay")
	String pay(@PathVariable String planId, Model model, HttpServletRequest request) {
		PlanScope scope = reader(planId);
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.page(planId, request.getRequestURI(), scope));
		return "dashboard/pay";
	}

	@GetMapping(path = "/pay.csv", produces = "text/csv")
	ResponseEntity<byte[]> payCsv(@PathVariable String planId) {
		reader(planId);
		return csv("retribuzione-risultato-" + planId + ".csv",
				EvaluationCsv.pay(pay.report(planId), pay.finals(planId)));
	}

	/** The standalone page a body saves or links from its "Amministrazione trasparente" (always Italian). */
	@GetMapping(path = "/transparency", produces = MediaType.TEXT_HTML_VALUE)
	ResponseEntity<String> transparencyPage(@PathVariable String planId) {
		reader(planId);
		String page = templates.process("evaluation/trasparenza",
				new Context(Locale.ITALIAN, Map.of("t", transparency.view(planId), "f", Formats.italian())));
		return ResponseEntity.ok().contentType(new MediaType("text", "html", StandardCharsets.UTF_8)).body(page);
	}

	@GetMapping(path = "/transparency/{file}.csv", produces = "text/csv")
	ResponseEntity<byte[]> transparencyCsv(@PathVariable String planId, @PathVariable String file) {
		reader(planId);
		TransparencyData.View view = transparency.view(planId);
		return switch (file) {
			case "amounts" -> csv("ammontare-premi-" + planId + ".csv", TransparencyData.amountsCsv(view));
			case "distribution" -> csv("dati-premi-" + planId + ".csv", TransparencyData.distributionCsv(view));
			case "differentiation" -> csv("differenziazione-premi-" + planId + ".csv",
					TransparencyData.differentiationCsv(view));
			default -> throw new NotFoundException("notFound.page", "/transparency/" + file + ".csv");
		};
	}

	private PlanScope reader(String planId) {
		PlanScope scope = access.plan(planId);
		scope.requireHrFeed();
		return scope;
	}

	private static ResponseEntity<byte[]> csv(String name, String csv) {
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}
}
