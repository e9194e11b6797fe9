package org.cicloperformance.reportingservice.evaluation.web;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.cicloperformance.reportingservice.evaluation.store.EvaluationCsv;
import org.cicloperformance.reportingservice.evaluation.store.FundDocument;
import org.cicloperformance.reportingservice.evaluation.store.Funds;
import org.cicloperformance.reportingservice.evaluation.store.PayTables;
import org.cicloperformance.reportingservice.evaluation.store.SchedaRefused;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The funds of the year (entered by HR, every version kept) and the result pay table from the FINAL schede, as JSON
 * and CSV. Pay is HR feed data: PLANNER, OIV and HR read it (docs/security.md), HR alone enters funds.
 */
@RestController
@RequestMapping("/api/plans/{planId}")
class PayController {

	private final Funds funds;

	private final PayTables pay;

	private final Access access;

	PayController(Funds funds, PayTables pay, Access access) {
		this.funds = funds;
		this.pay = pay;
		this.access = access;
	}

	record FundsView(String planId, List<FundDocument> inForce, List<FundDocument> versions) {
	}

	@PostMapping("/funds")
	@ResponseStatus(HttpStatus.CREATED)
	FundDocument enter(@PathVariable String planId, @RequestBody(required = false) Funds.Entry body) {
		Actor actor = access.requireAny(Role.HR);
		access.plan(planId);
		if (body == null) {
			throw new SchedaRefused(SchedaRefused.Kind.INVALID, "", "body-required");
		}
		return funds.enter(actor, planId, body);
	}

	@GetMapping("/funds")
	FundsView funds(@PathVariable String planId) {
		reader(planId);
		var report = pay.report(planId);
		return new FundsView(planId, report.funds().stream().map(PayTables.FundPay::fund).toList(),
				funds.entered(planId));
	}

	@GetMapping(path = "/pay", produces = MediaType.APPLICATION_JSON_VALUE)
	PayTables.PayReport json(@PathVariable String planId) {
		reader(planId);
		return pay.report(planId);
	}

	@GetMapping(path = "/pay.csv", produces = "text/csv")
	ResponseEntity<byte[]> csv(@PathVariable String planId) {
		reader(planId);
		String csv = EvaluationCsv.pay(pay.report(planId), pay.finals(planId));
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
				.filename("retribuzione-risultato-" + planId + ".csv", StandardCharsets.UTF_8).build().toString())
			.body(csv.getBytes(StandardCharsets.UTF_8));
	}

	private void reader(String planId) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.HR);
		access.plan(planId);
	}
}
