package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.cicloperformance.reportingservice.dashboard.Pages.IndicatorRow;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.Pages.ObjectiveBlock;
import org.cicloperformance.reportingservice.dashboard.Pages.TrendPoint;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Component;

/** A manager's and an organisational area's scorecards, and an objective's page: objectives with their indicators. */
@Component
class ScorecardPages {

	private final ScoredPlans plans;

	private final ResultFacts results;

	private final HrFeedService hrFeeds;

	private final Display display;

	private final Charts charts;

	ScorecardPages(ScoredPlans plans, ResultFacts results, HrFeedService hrFeeds, Display display, Charts charts) {
		this.plans = plans;
		this.results = results;
		this.hrFeeds = hrFeeds;
		this.display = display;
		this.charts = charts;
	}

	Pages.Scorecard manager(String planId, String checkpoint, String managerId, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		NodeScore node = scored.document().scorecard().manager(managerId)
				.orElseThrow(() -> new NotFoundException("notFound.manager", managerId, planId, checkpoint));
		PlanEvent.Manager manager = scored.content().managers().stream().filter(m -> managerId.equals(m.id()))
				.findFirst().orElse(null);
		String areaCode = manager == null ? null : manager.organisationalArea();
		Link area = areaCode == null ? null
				: new Link(Links.area(planId, areaCode, checkpoint), PlanContents.areaName(scored.plan(), areaCode));
		List<HrFeed.Row> hr = hrFeeds.feed(planId, checkpoint).rows().stream()
				.filter(r -> managerId.equals(r.managerId()) && scope.pay(r.managerId())
						&& !OverviewPages.toMeasure(scored, r.managerId()))
				.toList();
		return scorecard(scored, path, scope, true, node, manager == null ? null : manager.role(), area, List.of(), hr,
				card -> card.manager(managerId));
	}

	Pages.Scorecard area(String planId, String checkpoint, String areaCode, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		NodeScore node = scored.document().scorecard().organisationalArea(areaCode)
				.orElseThrow(() -> new NotFoundException("notFound.area", areaCode, planId, checkpoint));
		List<Link> managers = scored.plan().managers().stream().filter(m -> areaCode.equals(m.organisationalArea()))
				.map(m -> new Link(Links.manager(planId, m.id(), checkpoint), m.name())).toList();
		List<String> managerIds = scored.plan().managers().stream()
				.filter(m -> areaCode.equals(m.organisationalArea())).map(ScoringPlan.Manager::id).toList();
		List<HrFeed.Row> hr = hrFeeds.feed(planId, checkpoint).rows().stream()
				.filter(r -> managerIds.contains(r.managerId()) && scope.pay(r.managerId())
						&& !OverviewPages.toMeasure(scored, r.managerId()))
				.toList();
		return scorecard(scored, path, scope, false, node, null, null, managers, hr,
				card -> card.organisationalArea(areaCode));
	}

	private Pages.Scorecard scorecard(Scored scored, String path, PlanScope scope, boolean isManager, NodeScore node,
			String role, Link area, List<Link> managers, List<HrFeed.Row> hr,
			Function<Scorecard, Optional<NodeScore>> select) {
		Map<String, NodeScore> objectives = PlanContents.byCode(scored.document().scorecard().objectives());
		List<ObjectiveBlock> blocks = node.contributions().stream().filter(c -> objectives.containsKey(c.code()))
				.map(c -> objectiveBlock(scored, objectives.get(c.code()), c.weight())).toList();
		List<TrendPoint> trend = plans.trend(scored.planId(), scored.checkpoint(), select);
		List<Charts.Bar> bars = blocks.stream()
				.map(b -> charts.bar(b.code() + " " + b.shortTitle(), b.score(), b.light())).toList();
		TrafficLight light = scored.light(node);
		return new Pages.Scorecard(plans.header(scored, path, scope), ScoredPlans.meta(scored.document()), isManager,
				node.code(), node.name(), role, area, managers, scored.score(node), scored.coverage(node), light,
				light.toMeasure() ? null : node.arithmetic(), light.toMeasure() ? null : node.coverageArithmetic(),
				blocks, trend, hr,
				ScoredPlans.legend(scored.policy()), charts.bars(bars), charts.trend(trend),
				Criticalities.of(scored, code -> blocks.stream().anyMatch(b -> b.code().equals(code))));
	}

	Pages.ObjectivePage objective(String planId, String checkpoint, String code, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		NodeScore objective = scored.document().scorecard().objective(code)
				.orElseThrow(() -> new NotFoundException("notFound.objective", code, planId));
		ScoringPlan.Objective definition = PlanContents.objectives(scored.plan()).get(code);
		ObjectiveBlock block = objectiveBlock(scored, objective, definition == null ? null : definition.weight());
		List<TrendPoint> trend = plans.trend(planId, checkpoint, card -> card.objective(code));
		return new Pages.ObjectivePage(plans.header(scored, path, scope), ScoredPlans.meta(scored.document()), block,
				trend, ScoredPlans.legend(scored.policy()), charts.trend(trend));
	}

	private ObjectiveBlock objectiveBlock(Scored scored, NodeScore objective, BigDecimal weight) {
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		ScoringPlan.Objective definition = PlanContents.objectives(scored.plan()).get(objective.code());
		Link manager = null;
		Link area = null;
		if (definition != null) {
			manager = scored.plan().managers().stream().filter(m -> m.id().equals(definition.manager())).findFirst()
					.map(m -> new Link(Links.manager(planId, m.id(), checkpoint), m.name())).orElse(null);
			area = definition.organisationalArea() == null ? null
					: new Link(Links.area(planId, definition.organisationalArea(), checkpoint),
							PlanContents.areaName(scored.plan(), definition.organisationalArea()));
		}
		Link strategic = scored.plan().strategicAreas().stream().flatMap(a -> a.objectives().stream())
				.filter(s -> s.objectives().stream().anyMatch(o -> o.code().equals(objective.code()))).findFirst()
				.map(s -> new Link(Links.overview(planId, checkpoint) + "#node-" + s.code(), s.code() + " " + s.name()))
				.orElse(null);
		List<IndicatorRow> indicators = scored.document().scorecard().indicators().stream()
				.filter(i -> i.objective().equals(objective.code())).map(i -> indicatorRow(scored, i)).toList();
		TrafficLight light = scored.light(objective);
		return new ObjectiveBlock(objective.code(), objective.name(),
				PlanContents.shortTitles(scored.content()).getOrDefault(objective.code(), objective.name()),
				Links.objective(planId, objective.code(), checkpoint), manager, area, strategic, weight,
				scored.score(objective), scored.coverage(objective), light,
				light.toMeasure() ? null : objective.arithmetic(),
				light.toMeasure() ? null : objective.coverageArithmetic(), indicators);
	}

	private IndicatorRow indicatorRow(Scored scored, IndicatorScore score) {
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		String unit = PlanContents.unit(scored.content(), score.objective(), score.indicator());
		Optional<ResultFact> fact = score.result() == null ? Optional.empty()
				: results.latest(planId, score.objective(), score.indicator(), checkpoint)
						.filter(f -> f.resultVersion() == score.result().resultVersion());
		String deviation = display.deviation(Deviations.of(score.kind(), score.target(), score.result(),
				fact.map(ResultFact::deviation).orElse(null)).orElse(null),
				fact.map(ResultFact::deviationCause).orElse(null));
		boolean toMeasure = ToMeasure.indicator(scored.document(), score);
		return new IndicatorRow(score.indicator(), score.name(),
				Links.indicator(planId, score.objective(), score.indicator(), checkpoint), "kind." + score.kind().name(),
				score.weight(), display.target(score.kind(), score.target(), unit),
				display.result(score.kind(), score.result(), unit), deviation,
				toMeasure ? null : score.achievement().value(),
				toMeasure ? "status.TO_MEASURE" : "status." + score.achievement().status().name(),
				toMeasure ? null : score.achievement().arithmetic(),
				toMeasure ? TrafficLight.TO_MEASURE : scored.light(score.achievement().value()),
				oivVerdict(score.achievement()),
				selfReported(score.achievement()),
				score.achievement().oiv() == null ? null : score.achievement().oiv().reason());
	}

	/** The OIV's verdict on a closed checkpoint's indicator ({@code VALIDATED}, {@code ADJUSTED}); null when live. */
	static String oivVerdict(Achievement achievement) {
		return achievement.oiv() == null ? null : achievement.oiv().kind().name();
	}

	/** The achievement of the office's own result, shown beside the OIV's figure. */
	static BigDecimal selfReported(Achievement achievement) {
		return achievement.declared() == null ? null : achievement.declared().value();
	}
}
