package org.cicloperformance.reportingservice.alert.web;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.cicloperformance.reportingservice.alert.AlertMailEntry;
import org.cicloperformance.reportingservice.alert.AlertMailPolicy;
import org.cicloperformance.reportingservice.alert.AlertMailRefusedException;
import org.cicloperformance.reportingservice.alert.AlertMailRequest;
import org.cicloperformance.reportingservice.alert.AlertMails;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.Actor;
import org.cicloperformance.reportingservice.security.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A plan's policy for its forecast alerts by e-mail, set by the PLANNER (it sends the entity's alerts to addresses
 * outside the platform), read by the PLANNER and the OIV with the messages sent. Another entity's plan is not
 * found.
 */
@RestController
@RequestMapping("/api/plans/{planId}")
class AlertMailController {

	private final AlertMails mails;

	private final Access access;

	private final MessageSource messages;

	AlertMailController(AlertMails mails, Access access, MessageSource messages) {
		this.mails = mails;
		this.access = access;
		this.messages = messages;
	}

	/** Off (the default) until the planner sets a policy. */
	@GetMapping("/alert-mail")
	AlertMailPolicy policy(@PathVariable String planId) {
		access.requireAny(Role.PLANNER, Role.OIV);
		access.plan(planId);
		return mails.policy(planId).orElseGet(() -> new AlertMailPolicy(planId, access.current().entity(), false,
				"it", null, List.of(), false, 0, null, null));
	}

	@PutMapping("/alert-mail")
	AlertMailPolicy put(@PathVariable String planId, @RequestBody AlertMailRequest request) {
		Actor planner = access.requireAny(Role.PLANNER);
		access.plan(planId);
		return mails.put(planId, planner.entity(), planner.username(), request);
	}

	/** Every alert e-mail of the plan: alert, raise, recipients, state. */
	@GetMapping("/alert-mails")
	List<AlertMailEntry> sent(@PathVariable String planId) {
		access.requireAny(Role.PLANNER, Role.OIV);
		access.plan(planId);
		return mails.sent(planId);
	}

	@ExceptionHandler(AlertMailRefusedException.class)
	ResponseEntity<ProblemDetail> refused(AlertMailRefusedException e) {
		Locale locale = LocaleContextHolder.getLocale();
		List<Map<String, String>> errors = e.refusals().stream().map(r -> Map.of("pointer", r.pointer(), "code",
				r.code(), "message", messages.getMessage("alertMail.refused." + r.code(), r.arguments().toArray(),
						r.code(), locale))).toList();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				errors.get(0).get("message"));
		problem.setTitle(messages.getMessage("alertMail.refused.title", null, "alert-mail", locale));
		problem.setProperty("errors", errors);
		return ResponseEntity.status(HttpStatus.UNPROCESSABLE_CONTENT).body(problem);
	}
}
