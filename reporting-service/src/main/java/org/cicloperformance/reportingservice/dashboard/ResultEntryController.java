package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cicloperformance.reportingservice.dashboard.EntryPages.ErrorLink;
import org.cicloperformance.reportingservice.dashboard.MonitoringResults.Accepted;
import org.cicloperformance.reportingservice.dashboard.MonitoringResults.Outcome;
import org.cicloperformance.reportingservice.dashboard.MonitoringResults.Refused;
import org.cicloperformance.reportingservice.dashboard.ResultEntryPages.Due;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Result entry for area offices: the list of the office's indicators due at a checkpoint and one form per
 * indicator. "Anteprima" shows what the scoring rules make of the value; "Invia" sends it to monitoring-service's
 * result API as the signed-in user ({@link MonitoringResults}), then the file, if any, to its evidence API.
 * Monitoring's refusals come back next to the fields their pointers name. The scores follow through the usual
 * path (result-events → scoring → live updates), never from here.
 */
@Controller
@Hidden
@RequestMapping("/dashboard/plans/{planId}/entry")
class ResultEntryController {

	/** Form parameters taken from a submission; anything else is ignored. */
	private static final int MAX_PARAMETERS = 200;

	private final ResultEntryPages pages;

	private final MonitoringResults monitoring;

	private final Access access;

	ResultEntryController(ResultEntryPages pages, MonitoringResults monitoring, Access access) {
		this.pages = pages;
		this.monitoring = monitoring;
		this.access = access;
	}

	@GetMapping
	String list(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		String at = checkpoint == null || checkpoint.isBlank() ? pages.defaultCheckpoint(planId) : checkpoint;
		PlanScope scope = access.plan(planId).at(at);
		scope.require(pages.offered(scope));
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.list(planId, at, request.getRequestURI(), scope,
				(String) model.asMap().get("sent")));
		return "dashboard/entry-list";
	}

	@GetMapping("/{objective}/{indicator}")
	String form(@PathVariable String planId, @PathVariable String objective, @PathVariable String indicator,
			@RequestParam String checkpoint, Model model, HttpServletRequest request) {
		PlanScope scope = access.plan(planId).at(checkpoint);
		Due due = pages.due(planId, checkpoint, objective, indicator, scope);
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.opened(due, request.getRequestURI(), scope));
		return "dashboard/entry-form";
	}

	@PostMapping("/{objective}/{indicator}")
	String submit(@PathVariable String planId, @PathVariable String objective, @PathVariable String indicator,
			@RequestParam String checkpoint, @RequestParam Map<String, String> parameters,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect, Locale locale)
			throws IOException {
		PlanScope scope = access.plan(planId).at(checkpoint);
		Due due = pages.due(planId, checkpoint, objective, indicator, scope);
		Map<String, String> typed = new HashMap<>();
		parameters.entrySet().stream().limit(MAX_PARAMETERS).forEach(e -> typed.put(e.getKey(), e.getValue()));
		EntryInput.Read read = EntryInput.read(due.indicator(), typed, pages.labels());
		String key = valid(typed.get("idempotencyKey"));
		String action = "send".equals(typed.get("action")) ? "send" : "preview";
		List<ErrorLink> refusals = new ArrayList<>();
		boolean formatsOk = read.fields().stream().noneMatch(EntryPages.Field::invalid);
		if (action.equals("send") && formatsOk) {
			var credentials = SignInCredentials.of(request);
			if (credentials.isEmpty()) {
				refusals.add(new ErrorLink(null, pages.labels().text("entry.error.signInAgain")));
			}
			else {
				Outcome outcome = monitoring.record(credentials.get(), request(due, typed, read), key, locale);
				if (outcome instanceof Accepted accepted) {
					Outcome attached = hasFile(file) ? monitoring.attach(credentials.get(),
							List.of(planId, objective, indicator, checkpoint), file.getOriginalFilename(),
							file.getContentType(), file.getBytes(), typed.get("fileDescription"), locale) : null;
					if (!(attached instanceof Refused) && !(attached instanceof MonitoringResults.Unavailable)) {
						redirect.addFlashAttribute("sent", pages.labels().text("entry.sent", objective + "/" + indicator,
								accepted.resultVersion(), hasFile(file) ? 1 : 0));
						return "redirect:" + ResultEntryPages.listHref(planId, checkpoint);
					}
					// the result is recorded; only the file was not: the form stays, as a correction now
					refusals.add(new ErrorLink(null, pages.labels().text("entry.sentFileNot", accepted.resultVersion())));
					refusals.addAll(errors(attached, read, "file"));
					key = UUID.randomUUID().toString();
				}
				else {
					refusals.addAll(errors(outcome, read, null));
					if (outcome instanceof Refused) {
						key = UUID.randomUUID().toString();
					}
				}
				response.setStatus(outcome instanceof Refused refused ? refused.status() : 422);
			}
		}
		else if (!formatsOk) {
			response.setStatus(422);
		}
		model.addAttribute("scope", scope);
		model.addAttribute("page", pages.submitted(due, request.getRequestURI(), scope, typed, read, refusals, key,
				action));
		return "dashboard/entry-form";
	}

	/** Monitoring's refusals, each to the field its pointer names ({@code fallback} when it names none). */
	private List<ErrorLink> errors(Outcome outcome, EntryInput.Read read, String fallback) {
		List<ErrorLink> links = new ArrayList<>();
		if (outcome instanceof Refused refused) {
			refused.errors().forEach(e -> {
				String field = EntryInput.fieldOf(e.pointer(), read.value());
				if (field == null && e.pointer().startsWith("/value") && !read.fields().isEmpty()) {
					// the value as a whole ("/value/delivered": none given): its first field
					field = read.fields().get(0).id();
				}
				links.add(new ErrorLink(field == null ? fallback : field, e.message()));
			});
			if (refused.errors().isEmpty()) {
				links.add(new ErrorLink(fallback, refused.detail().isBlank()
						? pages.labels().text("entry.error.refused", refused.status()) : refused.detail()));
			}
		}
		else {
			links.add(new ErrorLink(null, pages.labels().text("entry.error.unavailable")));
		}
		return links;
	}

	/** The request of monitoring's result API, as its JSON clients send it. */
	private Map<String, Object> request(Due due, Map<String, String> typed, EntryInput.Read read) {
		Map<String, Object> value = new LinkedHashMap<>(read.value());
		value.put("text", pages.preview(due, read).value());
		Map<String, Object> request = new LinkedHashMap<>();
		request.put("planId", due.scored().planId());
		request.put("objective", due.objective().code());
		request.put("indicator", due.indicator().code());
		request.put("checkpoint", due.scored().checkpoint());
		request.put("value", value);
		request.put("commentary", blankToNull(typed.get("commentary")));
		request.put("evidence", typed.getOrDefault("evidence", "").lines().map(String::strip)
				.filter(l -> !l.isEmpty()).toList());
		request.put("reason", blankToNull(typed.get("reason")));
		request.put("deviationCause", blankToNull(typed.get("deviationCause")));
		return request;
	}

	private static boolean hasFile(MultipartFile file) {
		return file != null && !file.isEmpty();
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/** The form's idempotency key if it is one this page made (a UUID), else a new one. */
	private static String valid(String key) {
		try {
			return UUID.fromString(key == null ? "" : key).toString();
		}
		catch (IllegalArgumentException e) {
			return UUID.randomUUID().toString();
		}
	}
}
