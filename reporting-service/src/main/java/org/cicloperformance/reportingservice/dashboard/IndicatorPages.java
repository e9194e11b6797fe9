package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * An indicator's page: its target, result and achievement at every checkpoint, the versions of its results, the
 * offices' commentaries and the plan revisions that touched it.
 */
@Component
class IndicatorPages {

	private final ScoredPlans plans;

	private final ResultFacts results;

	private final Display display;

	private final Formats fmt;

	private final Charts charts;

	private final Revisions revisions;

	IndicatorPages(ScoredPlans plans, ResultFacts results, Display display, Formats fmt, Charts charts,
			Revisions revisions) {
		this.plans = plans;
		this.results = results;
		this.display = display;
		this.fmt = fmt;
		this.charts = charts;
		this.revisions = revisions;
	}

	Pages.IndicatorPage indicator(String planId, String checkpoint, String objective, String indicator,
			String path, PlanScope scope) {
		Scored selected = plans.scored(planId, checkpoint);
		Map<Integer, Scored> byVersion = new HashMap<>();
		List<Pages.IndicatorCheckpoint> rows = new ArrayList<>();
		MeasureKind kind = null;
		for (ScoreDocument document : plans.all(planId)) {
			Scored scored = byVersion.computeIfAbsent(document.scorecard().planVersion(),
					v -> plans.withPlan(document));
			Optional<IndicatorScore> found = document.scorecard().indicator(objective, indicator);
			if (found.isPresent()) {
				kind = found.get().kind();
				rows.add(checkpointRow(scored, document, found.get(), checkpoint));
			}
		}
		List<ResultFact> history = results.history(planId, objective, indicator);
		if (rows.isEmpty() && history.isEmpty()) {
			throw new NotFoundException("notFound.indicator", objective, indicator, planId);
		}
		PlanEvent.Indicator definition = PlanContents.indicator(selected.content(), objective, indicator)
				.or(() -> revisions.latestDefinition(planId, objective, indicator)).orElse(null);
		MeasureKind measureKind = kind != null ? kind
				: definition == null ? MeasureKind.COUNT : MeasureKind.valueOf(definition.measureKind());
		String unit = definition == null ? null : definition.unit();
		ScoringPlan.Objective objectiveDefinition = PlanContents.objectives(selected.plan()).get(objective);
		String office = office(selected.plan(), objectiveDefinition);
		Map<String, String> labels = rows.stream().collect(
				Collectors.toMap(Pages.IndicatorCheckpoint::checkpoint, Pages.IndicatorCheckpoint::label, (a, b) -> a));
		List<Pages.ResultVersionRow> versions = history.stream()
				.map(f -> new Pages.ResultVersionRow(labels.getOrDefault(f.checkpoint(), f.checkpoint()),
						f.resultVersion(), f.planVersion(), display.value(measureKind, f.value(), unit),
						office != null ? office : f.reportedBy(),
						f.recordedAt(), f.reason(),
						rows.stream().anyMatch(r -> r.checkpoint().equals(f.checkpoint()) && r.resultVersion() != null
								&& r.resultVersion() == f.resultVersion())))
				.toList();
		return new Pages.IndicatorPage(plans.header(selected, path, scope), objective,
				objectiveDefinition == null ? objective : objectiveDefinition.title(),
				Links.objective(planId, objective, checkpoint), indicator,
				definition == null ? indicator : definition.name(), "kind." + measureKind.name(),
				definition == null || definition.direction() == null ? "direction.HIGHER_IS_BETTER"
						: "direction." + definition.direction(),
				unit, definition == null ? null : definition.weight(), rows, versions,
				commentaries(planId, objective, indicator, rows),
				revisions.of(planId, objective, indicator, measureKind, unit, labels),
				ScoredPlans.legend(selected.policy()),
				measureKind.isNumeric() ? targetAndResultChart(rows, planId, objective, indicator) : null);
	}

	/**
	 * Who reported a result, as the readers know them: the office of the objective's organisational area, on whose
	 * behalf every result of the objective is posted, not the account that posted it (a login name such as
	 * "controllo-gestione", which may serve several areas; the API's history keeps it).
	 */
	private static String office(ScoringPlan plan, ScoringPlan.Objective objective) {
		if (objective == null || objective.organisationalArea() == null) {
			return null;
		}
		return PlanContents.areaName(plan, objective.organisationalArea());
	}

	private Pages.IndicatorCheckpoint checkpointRow(Scored scored, ScoreDocument document, IndicatorScore score,
			String selected) {
		String planId = document.planId();
		String unit = PlanContents.unit(scored.content(), score.objective(), score.indicator());
		Optional<ResultFact> latest = results
				.latest(planId, score.objective(), score.indicator(), document.checkpoint())
				.filter(f -> score.result() != null && f.resultVersion() == score.result().resultVersion());
		String deviation = display.deviation(Deviations.of(score.kind(), score.target(), score.result(),
				latest.map(ResultFact::deviation).orElse(null)).orElse(null),
				latest.map(ResultFact::deviationCause).orElse(null));
		boolean toMeasure = ToMeasure.indicator(document, score);
		return new Pages.IndicatorCheckpoint(document.checkpoint(), document.checkpointLabel(),
				document.checkpointDate(), document.scorecard().planVersion(),
				display.target(score.kind(), score.target(), unit), wording(score.target()),
				display.result(score.kind(), score.result(), unit), deviation,
				toMeasure ? null : score.achievement().value(),
				toMeasure ? "status.TO_MEASURE" : "status." + score.achievement().status().name(),
				toMeasure ? null : score.achievement().arithmetic(),
				score.achievement().parts().stream()
						.map(p -> new Pages.Part(p.code(), p.weight(), p.value(), p.arithmetic())).toList(),
				toMeasure ? TrafficLight.TO_MEASURE : scored.light(score.achievement().value()),
				score.result() == null ? null : score.result().resultVersion(),
				document.checkpoint().equals(selected), document.status().name(),
				ScorecardPages.oivVerdict(score.achievement()), ScorecardPages.selfReported(score.achievement()),
				score.achievement().oiv() == null ? null : score.achievement().oiv().reason());
	}

	/** The latest result of each checkpoint that says something beyond its figure. */
	private List<Pages.Commentary> commentaries(String planId, String objective, String indicator,
			List<Pages.IndicatorCheckpoint> rows) {
		List<Pages.Commentary> commentaries = new ArrayList<>();
		for (Pages.IndicatorCheckpoint row : rows) {
			results.latest(planId, objective, indicator, row.checkpoint())
					.filter(f -> PlanContents.hasText(f.commentary())
							|| (f.evidence() != null && !f.evidence().isEmpty())
							|| (f.value() != null && PlanContents.hasText(f.value().justification())))
					.ifPresent(f -> commentaries.add(new Pages.Commentary(row.label(), f.resultVersion(),
							f.commentary(), f.value() == null ? null : f.value().justification(),
							f.evidence() == null ? List.of() : f.evidence())));
		}
		return commentaries;
	}

	private String targetAndResultChart(List<Pages.IndicatorCheckpoint> rows, String planId, String objective,
			String indicator) {
		List<BigDecimal> targets = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		for (Pages.IndicatorCheckpoint row : rows) {
			Optional<IndicatorScore> score = plans.find(planId, row.checkpoint())
					.flatMap(d -> d.scorecard().indicator(objective, indicator));
			targets.add(score.map(IndicatorScore::target).map(IndicatorTarget::number).orElse(null));
			values.add(score.map(IndicatorScore::result).map(r -> r.number()).orElse(null));
		}
		return charts.targetAndResult(rows.stream().map(Pages.IndicatorCheckpoint::label).toList(), targets, values);
	}

	/** The plan's own wording of a target, when it says more than the number shown. */
	private String wording(IndicatorTarget target) {
		if (target == null || !PlanContents.hasText(target.text())) {
			return null;
		}
		String text = target.text().trim();
		boolean justTheNumber = target.number() != null && (text.equals(fmt.number(target.number()))
				|| text.equals(target.number().toPlainString()) || text.equals(fmt.points(target.number())));
		return justTheNumber ? null : text;
	}
}
