package org.cicloperformance.reportingservice.dashboard;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.cicloperformance.reportingservice.hr.web.HrFeedDownload;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The management dashboard: server-side pages over the score read model (the same services the JSON API uses),
 * and a server-sent event stream that tells open pages when their plan's scores changed. Every page checks the
 * reader's scope over the plan first ({@link PlanScope}): another entity's plan is not found, a page outside the
 * reader's role is refused with a page in the reader's language, and the pages link only what the reader may open.
 */
@Controller
@Hidden
@RequestMapping("/dashboard")
class DashboardController {

	/** Where the selector may send the reader back to: a page of the dashboard, never another site. */
	private static final Pattern DASHBOARD_PAGE = Pattern.compile("/dashboard/plans/[^/?#]+(/[^?#]*)?");

	private final ScoredPlans plans;

	private final OverviewPages overviews;

	private final ScorecardPages scorecards;

	private final IndicatorPages indicators;

	private final LiveUpdates live;

	private final Access access;

	private final HrFeedService hrFeeds;

	private final AlertPages alerts;

	private final CompletionPages completions;

	DashboardController(ScoredPlans plans, OverviewPages overviews, ScorecardPages scorecards,
			IndicatorPages indicators, LiveUpdates live, Access access, HrFeedService hrFeeds, AlertPages alerts,
			CompletionPages completions) {
		this.alerts = alerts;
		this.completions = completions;
		this.plans = plans;
		this.overviews = overviews;
		this.scorecards = scorecards;
		this.indicators = indicators;
		this.live = live;
		this.access = access;
		this.hrFeeds = hrFeeds;
	}

	/**
	 * The landing page. Whoever reads everything (PLANNER, OIV, VIEWER) gets the list of the entity's plans, each
	 * opening on its overview; the others go straight to their own view of the newest plan: a MANAGER to their
	 * scorecard, an AREA_OFFICE to its organisational area, HR to the HR feed.
	 */
	@GetMapping
	String plans(Model model) {
		List<PlanScope> readable = access.plans();
		boolean readsEverything = readable.stream().anyMatch(PlanScope::overview);
		if (!readsEverything && !readable.isEmpty()) {
			return "redirect:" + readable.get(0).home().orElseThrow();
		}
		model.addAttribute("plans", plans.summaries(readable));
		return "dashboard/plans";
	}

	/**
	 * The header's selector: another plan opens on the reader's own page of it; another checkpoint of the same plan
	 * keeps the page the reader was on.
	 */
	@GetMapping("/select")
	String select(@RequestParam String plan, @RequestParam(required = false) String checkpoint,
			@RequestParam(required = false) String current, @RequestParam(required = false) String page) {
		String overview = "/dashboard/plans/" + plan;
		// a plan that is not the reader's (or does not exist) is left to its page, which answers "not found"
		String target = access.find(plan).flatMap(PlanScope::home).orElse(overview);
		if (plan.equals(current) && page != null && DASHBOARD_PAGE.matcher(page).matches()
				&& (page.equals(overview) || page.startsWith(overview + "/"))) {
			target = page;
		}
		String location = UriComponentsBuilder.fromPath(target)
				.queryParamIfPresent("checkpoint", Optional.ofNullable(plan.equals(current) ? checkpoint : null))
				.build().toUriString();
		return "redirect:" + location;
	}

	@GetMapping("/plans/{planId}")
	String overview(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		return page(planId, checkpoint, PlanScope::requireOverview, "dashboard/overview", model, request,
				(at, path, scope) -> overviews.overview(planId, at, path, scope));
	}

	@GetMapping("/plans/{planId}/objectives/{objective}")
	String objective(@PathVariable String planId, @PathVariable String objective,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		return page(planId, checkpoint, scope -> scope.requireObjective(objective), "dashboard/objective", model,
				request, (at, path, scope) -> scorecards.objective(planId, at, objective, path, scope));
	}

	@GetMapping("/plans/{planId}/managers/{managerId}")
	String manager(@PathVariable String planId, @PathVariable String managerId,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		return page(planId, checkpoint, scope -> scope.requireManager(managerId), "dashboard/scorecard", model,
				request, (at, path, scope) -> {
					model.addAttribute("alerts", alerts.ofManager(planId, at, managerId, scope).orElse(null));
					return scorecards.manager(planId, at, managerId, path, scope);
				});
	}

	@GetMapping("/plans/{planId}/areas/{areaCode}")
	String area(@PathVariable String planId, @PathVariable String areaCode,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		return page(planId, checkpoint, scope -> scope.requireArea(areaCode), "dashboard/scorecard", model, request,
				(at, path, scope) -> scorecards.area(planId, at, areaCode, path, scope));
	}

	@GetMapping("/plans/{planId}/indicators/{objective}/{indicator}")
	String indicator(@PathVariable String planId, @PathVariable String objective, @PathVariable String indicator,
			@RequestParam(required = false) String checkpoint, Model model, HttpServletRequest request) {
		return page(planId, checkpoint, scope -> scope.requireObjective(objective), "dashboard/indicator", model,
				request, (at, path, scope) -> indicators.indicator(planId, at, objective, indicator, path, scope));
	}

	@GetMapping("/plans/{planId}/hr-feed")
	String hrFeed(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		return page(planId, checkpoint, PlanScope::requireHrFeed, "dashboard/hr-feed", model, request,
				(at, path, scope) -> overviews.hrFeed(planId, at, path, scope));
	}

	/** What a plan page shows, built at the page's checkpoint for the reader's scope. */
	@FunctionalInterface
	private interface PageBuilder {

		Object build(String checkpoint, String path, PlanScope scope);
	}

	/**
	 * Every plan page the same way: the checkpoint asked for (else the plan's default), the reader's scope over the
	 * plan at it, the page's own rule ({@code require}, which refuses), then the page itself.
	 */
	private String page(String planId, String checkpoint, Consumer<PlanScope> require, String view, Model model,
			HttpServletRequest request, PageBuilder builder) {
		String at = checkpoint(planId, checkpoint);
		PlanScope scope = access.plan(planId).at(at);
		require.accept(scope);
		model.addAttribute("scope", scope);
		model.addAttribute("page", builder.build(at, request.getRequestURI(), scope));
		return view;
	}

	/**
	 * The HR feed's CSV for the signed-in reader of the HR feed page (the API's copy needs a token or Basic
	 * credentials, which a browser session does not send).
	 */
	@GetMapping(path = "/plans/{planId}/hr-feed.csv", produces = "text/csv")
	ResponseEntity<byte[]> hrFeedCsv(@PathVariable String planId, @RequestParam(required = false) String checkpoint) {
		PlanScope scope = scope(planId, checkpoint);
		scope.requireHrFeed();
		return HrFeedDownload.of(hrFeeds.feed(planId, checkpoint(planId, checkpoint)));
	}

	/**
	 * {@code scores-changed} events for one plan, sent after the read model was written. The stream follows the
	 * rule of the page it serves ({@code page}, the page's own address; without it, the overview's rule).
	 */
	@GetMapping(path = "/plans/{planId}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter events(@PathVariable String planId, @RequestParam(required = false) String page) {
		PlanScope scope = access.plan(planId);
		scope.require(scope.allows(page == null ? "/dashboard/plans/" + planId : page));
		return live.subscribe(planId);
	}

	/** The reader's scope over the plan, at the checkpoint the page shows. */
	private PlanScope scope(String planId, String checkpoint) {
		return access.plan(planId).at(checkpoint(planId, checkpoint));
	}

	private String checkpoint(String planId, String checkpoint) {
		return checkpoint == null || checkpoint.isBlank() ? plans.defaultCheckpoint(planId) : checkpoint;
	}

	// --- issue 18: forecast alerts and the completion board ---

	@GetMapping("/plans/{planId}/alerts")
	String alerts(@PathVariable String planId, @RequestParam(required = false) String checkpoint, Model model,
			HttpServletRequest request) {
		return page(planId, checkpoint, PlanScope::requireOverview, "dashboard/alerts", model, request,
				(at, path, scope) -> alerts.page(planId, at, path, scope));
	}

	/** {@code asOf}: the day the board is read on (today by default); a day before shows what was missing then. */
	@GetMapping("/plans/{planId}/completion")
	String completion(@PathVariable String planId, @RequestParam(required = false) String checkpoint,
			@RequestParam(required = false) @org.springframework.format.annotation.DateTimeFormat(
					iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) java.time.LocalDate asOf,
			Model model, HttpServletRequest request) {
		return page(planId, checkpoint, PlanScope::requireOverview, "dashboard/completion", model, request,
				(at, path, scope) -> completions.page(planId, at, asOf, path, scope));
	}
}
