package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The management dashboard: server-side pages over the score read model (the same services the JSON API uses),
 * and a server-sent event stream that tells open pages when their plan's scores changed.
 */
@Controller
@Hidden
@RequestMapping("/dashboard")
class DashboardController {

	/** Where the selector may send the reader back to: a page of the dashboard, never another site. */
	private static final Pattern DASHBOARD_PAGE = Pattern.compile("/dashboard/plans/[^/?#]+(/[^?#]*)?");

	private final DashboardService dashboard;

	private final LiveUpdates live;

	DashboardController(DashboardService dashboard, LiveUpdates live) {
		this.dashboard = dashboard;
		this.live = live;
	}

	@ModelAttribute("languages")
	List<Languages.Language> languages(HttpServletRequest request, Locale locale) {
		return Languages.of(request, locale);
	}

	@GetMapping
	String plans(Model model) {
		model.addAttribute("plans", dashboard.plans());
		return "dashboard/plans";
	}

	/**
	 * The header's selector: another plan opens on its overview; another checkpoint of the same plan keeps the page
	 * the reader was on.
	 */
	@GetMapping("/select")
	String select(@RequestParam String plan, @RequestParam(required = false) String checkpoint,
			@RequestParam(required = false) String current, @RequestParam(required = false) String page) {
		String target = "/dashboard/plans/" + plan;
		if (plan.equals(current) && page != null && DASHBOARD_PAGE.matcher(page).matches()
				&& (page.equals(target) || page.startsWith(target + "/"))) {
			target = page;
		}
		String location = UriComponentsBuilder.fromPath(target)
				.queryParamIfPresent("checkpoint", java.util.Optional.ofNullable(plan.equals(current) ? checkpoint : null))
				.build().toUriString();
		return "redirect:" + location;
	}

	@GetMapping("/plans/{planId}")
	String overview(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		model.addAttribute("page", dashboard.overview(planId, checkpoint(planId, checkpoint), request.getRequestURI()));
		return "dashboard/overview";
	}

	@GetMapping("/plans/{planId}/objectives/{objective}")
	String objective(@PathVariable String planId, @PathVariable String objective,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		model.addAttribute("page",
				dashboard.objective(planId, checkpoint(planId, checkpoint), objective, request.getRequestURI()));
		return "dashboard/objective";
	}

	@GetMapping("/plans/{planId}/managers/{managerId}")
	String manager(@PathVariable String planId, @PathVariable String managerId,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		model.addAttribute("page",
				dashboard.manager(planId, checkpoint(planId, checkpoint), managerId, request.getRequestURI()));
		return "dashboard/scorecard";
	}

	@GetMapping("/plans/{planId}/areas/{areaCode}")
	String area(@PathVariable String planId, @PathVariable String areaCode,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		model.addAttribute("page",
				dashboard.area(planId, checkpoint(planId, checkpoint), areaCode, request.getRequestURI()));
		return "dashboard/scorecard";
	}

	@GetMapping("/plans/{planId}/indicators/{objective}/{indicator}")
	String indicator(@PathVariable String planId, @PathVariable String objective, @PathVariable String indicator,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		model.addAttribute("page", dashboard.indicator(planId, checkpoint(planId, checkpoint), objective, indicator,
				request.getRequestURI()));
		return "dashboard/indicator";
	}

	@GetMapping("/plans/{planId}/hr-feed")
	String hrFeed(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		model.addAttribute("page", dashboard.hrFeed(planId, checkpoint(planId, checkpoint), request.getRequestURI()));
		return "dashboard/hr-feed";
	}

	/** {@code scores-changed} events for one plan, sent after the read model was written. */
	@GetMapping(path = "/plans/{planId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String planId) {
		dashboard.requirePlan(planId);
		return live.subscribe(planId);
	}

	private String checkpoint(String planId, String checkpoint) {
		return checkpoint == null || checkpoint.isBlank() ? dashboard.defaultCheckpoint(planId) : checkpoint;
	}
}
