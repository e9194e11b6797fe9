package org.cicloperformance.reportingservice.forecast.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.cicloperformance.reportingservice.forecast.Forecast;
import org.cicloperformance.reportingservice.forecast.Forecasts;
import org.cicloperformance.reportingservice.forecast.PlanForecast;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * The year-end forecasts of a plan and their alerts. Same rule as the plan's scores: PLANNER, OIV and VIEWER read
 * every indicator, a MANAGER those of the objectives their scope covers (their own and their areas'); another
 * entity's plan is not found.
 */
@RestController
@RequestMapping("/api")
class ForecastController {

	private final Forecasts forecasts;

	private final Access access;

	ForecastController(Forecasts forecasts, Access access) {
		this.forecasts = forecasts;
		this.access = access;
	}

	record ForecastsView(String planId, int planVersion, String finalCheckpoint, LocalDate finalDate, int alerts,
			List<IndicatorView> indicators) {
	}

	record IndicatorView(String objective, String indicator, String name, String manager, String kind,
			String direction, String method, BigDecimal expected, String expectedText, Forecast.Band band,
			String bandText, BigDecimal target, String targetText, Boolean onTrack, String arithmetic, String reason,
			LocalDate asOf, String officeCommentary, AlertView alert) {
	}

	/** An alert and where to act on it: a manager's proposal of new expected values (plan-service). */
	record AlertView(String severity, String reason, ProposeRevision proposeRevision) {
	}

	record ProposeRevision(String service, String method, String href, String checkpoint, String objective,
			String indicator) {
	}

	@GetMapping("/plans/{planId}/forecasts")
	ForecastsView forecasts(@PathVariable String planId) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER, Role.MANAGER);
		PlanScope scope = access.plan(planId);
		PlanForecast plan = forecasts.of(planId).orElseThrow(() -> new NotFoundException("notFound.plan", planId));
		List<IndicatorView> indicators = plan.indicators().stream().filter(i -> scope.objective(i.objective()))
				.map(i -> view(plan, i)).toList();
		if (indicators.isEmpty() && !scope.overview()) {
			scope.requireOverview();
		}
		int alerts = (int) indicators.stream().filter(i -> i.alert() != null).count();
		return new ForecastsView(plan.planId(), plan.planVersion(), plan.finalCheckpoint(), plan.finalDate(), alerts,
				indicators);
	}

	private static IndicatorView view(PlanForecast plan, PlanForecast.IndicatorForecast i) {
		Forecast f = i.forecast();
		AlertView alert = f.alert() == null ? null
				: new AlertView(f.alert().severity().name(), f.alert().reason(),
						new ProposeRevision("plan-service", "POST",
								"/api/plans/" + UriUtils.encodePathSegment(plan.planId(),
										java.nio.charset.StandardCharsets.UTF_8) + "/proposals",
								plan.finalCheckpoint(), i.objective(), i.indicator()));
		return new IndicatorView(i.objective(), i.indicator(), i.name(), i.manager(), i.kind(), i.direction(),
				f.method().name(), f.expected(), f.expectedText(), f.band(), f.bandText(), f.target(), f.targetText(),
				f.onTrack(), f.arithmetic(), f.reason(), f.asOf(), i.officeCommentary(), alert);
	}
}
