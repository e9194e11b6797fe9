package org.cicloperformance.reportingservice.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.forecast.Forecast;
import org.cicloperformance.reportingservice.forecast.Forecasts;
import org.cicloperformance.reportingservice.forecast.PlanForecast;
import org.cicloperformance.reportingservice.forecast.PlanForecast.IndicatorForecast;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * The alerts page and the alerts block of a manager's scorecard (issue 18): every forecast alert with the
 * forecast's method and arithmetic (never a black box), the office's own commentary beside it, and the way to
 * propose a revision (plan-service's proposals). Read from {@link Forecasts}, computed on read like the API's, so a
 * newer result that brings the forecast back on target clears the alert on the next page load or live update.
 */
@Component
class AlertPages {

	private final Forecasts forecasts;

	private final ScoredPlans plans;

	private final AlertSettings settings;

	AlertPages(Forecasts forecasts, ScoredPlans plans, AlertSettings settings) {
		this.forecasts = forecasts;
		this.plans = plans;
		this.settings = settings;
	}

	/** One forecast as a row; {@code severity} null when on track (or not forecast). */
	record Row(String id, String objective, String indicator, String name, String href, Link manager,
			String severity, String methodKey, String expected, String band, String target, Boolean onTrack,
			String arithmetic, String reason, String alertReason, LocalDate asOf, String officeCommentary,
			String proposeHref, String proposeBody) {
	}

	/** The alerts page: the alerts worst first, then every forecast of the final checkpoint. */
	record AlertsPage(Header header, String finalCheckpoint, LocalDate finalDate, int planVersion, List<Row> alerts,
			List<Row> forecasts) {
	}

	/** The block of a scorecard: the manager's own alerts. */
	record Block(String finalCheckpoint, LocalDate finalDate, List<Row> alerts, String pageHref) {
	}

	AlertsPage page(String planId, String checkpoint, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		PlanForecast plan = forecasts.of(planId).orElseThrow(() -> new NotFoundException("notFound.plan", planId));
		List<Row> rows = rows(scored, plan, i -> scope.objective(i.objective()));
		return new AlertsPage(plans.header(scored, path, scope), plan.finalCheckpoint(), plan.finalDate(),
				plan.planVersion(), alerts(rows), rows);
	}

	/** The alerts of one manager's objectives, empty when the plan has no final checkpoint. */
	Optional<Block> ofManager(String planId, String checkpoint, String managerId, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		return forecasts.of(planId).map(plan -> new Block(plan.finalCheckpoint(), plan.finalDate(),
				alerts(rows(scored, plan, i -> managerId.equals(i.manager()) && scope.objective(i.objective()))),
				scope.overview() ? Links.alerts(planId, checkpoint) : null));
	}

	private List<Row> rows(Scored scored, PlanForecast plan, Predicate<IndicatorForecast> shown) {
		return plan.indicators().stream().filter(shown).map(i -> row(scored, plan, i)).toList();
	}

	private static List<Row> alerts(List<Row> rows) {
		return rows.stream().filter(r -> r.severity() != null)
				.sorted(Comparator.comparing((Row r) -> "HIGH".equals(r.severity()) ? 0 : 1)).toList();
	}

	private Row row(Scored scored, PlanForecast plan, IndicatorForecast i) {
		String planId = plan.planId();
		String checkpoint = scored.checkpoint();
		Forecast f = i.forecast();
		Link manager = scored.plan().managers().stream().filter(m -> m.id().equals(i.manager())).findFirst()
				.map(m -> new Link(Links.manager(planId, m.id(), checkpoint), m.name())).orElse(null);
		boolean alert = f.alert() != null;
		return new Row("alert-" + i.objective() + "-" + i.indicator(), i.objective(), i.indicator(), i.name(),
				Links.indicator(planId, i.objective(), i.indicator(), checkpoint), manager,
				alert ? f.alert().severity().name() : null, "forecast.method." + f.method().name(),
				f.expectedText(), f.bandText(), f.targetText(), f.onTrack(), f.arithmetic(), f.reason(),
				alert ? f.alert().reason() : null, f.asOf(), i.officeCommentary(),
				alert ? settings.planServiceUrl() + "/swagger-ui/index.html#/Proposte/propose" : null,
				alert ? proposal(plan, i) : null);
	}

	/** The body of the proposal to send, with the indicator named: the manager writes the new value and reason. */
	private static String proposal(PlanForecast plan, IndicatorForecast i) {
		return "POST /api/plans/" + plan.planId() + "/proposals\n{\"checkpoint\": \"" + plan.finalCheckpoint()
				+ "\", \"reason\": \"…\", \"changes\": [{\"objective\": \"" + i.objective() + "\", \"indicator\": \""
				+ i.indicator() + "\", \"forecastAtYearEnd\": \"" + i.forecast().expectedText()
				+ "\", \"newTarget\": {…}, \"reason\": \"…\"}]}";
	}
}
