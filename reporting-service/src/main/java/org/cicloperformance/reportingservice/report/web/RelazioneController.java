package org.cicloperformance.reportingservice.report.web;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.cicloperformance.reportingservice.report.RelazioneRefusedException;
import org.cicloperformance.reportingservice.report.RelazioneService;
import org.cicloperformance.reportingservice.report.ReportService;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.web.BadRequestException;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Relazione sulla performance of a plan, as PDF ({@code format=pdf}, the default) or HTML, in Italian
 * ({@code lang=en} for the English labels). The same access rule as the monitoring report; refused with 409 until
 * the OIV has closed the plan's final checkpoint.
 */
@RestController
class RelazioneController {

	private final RelazioneService relazioni;

	private final Access access;

	private final MessageSource messages;

	RelazioneController(RelazioneService relazioni, Access access, MessageSource messages) {
		this.relazioni = relazioni;
		this.access = access;
		this.messages = messages;
	}

	@GetMapping("/api/reports/relazione")
	ResponseEntity<byte[]> relazione(@RequestParam String planId, @RequestParam(required = false) String format,
			@RequestParam(required = false) String lang) {
		// it holds each manager's band, payout and incentive funds: the HR feed's rule, not the report's
		access.plan(planId, () -> new NotFoundException("notFound.plan", planId)).requireHrFeed();
		Locale locale = ReportController.locale(lang);
		if (format == null || format.equalsIgnoreCase("pdf")) {
			ReportService.Rendered pdf = relazioni.pdf(planId, locale);
			return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.attachment().filename(pdf.fileName() + ".pdf").build().toString())
					.body(pdf.content());
		}
		if (format.equalsIgnoreCase("html")) {
			ReportService.Rendered html = relazioni.html(planId, locale);
			return ResponseEntity.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
					.header(HttpHeaders.CONTENT_DISPOSITION,
							ContentDisposition.inline().filename(html.fileName() + ".html").build().toString())
					.body(html.content());
		}
		throw new BadRequestException("format", "relazione.format", format.length() > 20 ? format.substring(0, 20)
				: format);
	}

	@ExceptionHandler(RelazioneRefusedException.class)
	ResponseEntity<ProblemDetail> refused(RelazioneRefusedException e) {
		Locale locale = LocaleContextHolder.getLocale();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
		problem.setTitle(messages.getMessage("relazione.refused.title", null, "relazione.refused.title", locale));
		problem.setProperty("code", e.messageKey().substring(e.messageKey().lastIndexOf('.') + 1));
		return ResponseEntity.status(HttpStatus.CONFLICT).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
	}
}
