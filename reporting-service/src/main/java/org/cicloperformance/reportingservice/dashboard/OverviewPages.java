package org.cicloperformance.reportingservice.dashboard;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.Pages.ManagerRow;
import org.cicloperformance.reportingservice.dashboard.Pages.TreeRow;
import org.cicloperformance.reportingservice.dashboard.ScoredPlans.Scored;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.springframework.stereotype.Component;

/** The plan-wide pages: the overview (strategy tree, managers, charts) and the HR feed. */
@Component
class OverviewPages {

	private final ScoredPlans plans;

	private final HrFeedService hrFeeds;

	private final Charts charts;

	private final ResultFacts results;

	OverviewPages(ScoredPlans plans, HrFeedService hrFeeds, Charts charts, ResultFacts results) {
		this.plans = plans;
		this.hrFeeds = hrFeeds;
		this.charts = charts;
		this.results = results;
	}

	Pages.Overview overview(String planId, String checkpoint, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		var card = scored.document().scorecard();
		NodeScore entity = card.entity();
		TreeRow entityRow = row(scored, 0, "node.ENTITY", entity, entity.name(), null, null, null);
		Tree tree = new Tree(scored);
		List<Charts.Node> sunburst = tree.walk(entity);

		HrFeed feed = hrFeeds.feed(planId, checkpoint);
		List<ManagerRow> managers = feed.rows().stream().map(row -> managerRow(scored, row)).toList();

		String treeChart = charts.sunburst(entity.name(), scored.score(entity), scored.light(entity), sunburst);
		String managerChart = charts.bars(
				managers.stream().map(m -> charts.bar(m.manager().label(), m.score(), m.light())).toList());
		return new Pages.Overview(plans.header(scored, path, scope), ScoredPlans.meta(scored.document()), entityRow,
				tree.rows, managers, ScoredPlans.legend(scored.policy()), treeChart, managerChart,
				Criticalities.of(scored, objective -> true), causes(scored));
	}

	/** The causes the offices gave for the deviations of the results scored, in the Relazione's order. */
	private List<Pages.CauseGroup> causes(Scored scored) {
		Map<String, List<Link>> byCause = new LinkedHashMap<>();
		List.of("EXTERNAL", "INTERNAL", "INDICATOR_DESIGN").forEach(c -> byCause.put(c, new ArrayList<>()));
		Map<String, ResultFact> latest = new LinkedHashMap<>();
		results.latestAt(scored.planId(), scored.checkpoint())
			.forEach(f -> latest.put(f.objective() + "/" + f.indicator(), f));
		for (IndicatorScore score : scored.document().scorecard().indicators()) {
			ResultFact fact = latest.get(score.objective() + "/" + score.indicator());
			if (fact == null || fact.deviationCause() == null || score.result() == null
					|| fact.resultVersion() != score.result().resultVersion()) {
				continue;
			}
			byCause.computeIfAbsent(fact.deviationCause(), c -> new ArrayList<>()).add(new Link(
					Links.indicator(scored.planId(), score.objective(), score.indicator(), scored.checkpoint()),
					score.objective() + "/" + score.indicator() + " " + score.name()));
		}
		return byCause.entrySet().stream().filter(e -> !e.getValue().isEmpty())
			.map(e -> new Pages.CauseGroup("relazione.cause." + e.getKey(), List.copyOf(e.getValue()))).toList();
	}

	/** A manager of the HR feed; while nothing of theirs was posted on an open checkpoint, no figure at all. */
	private static ManagerRow managerRow(Scored scored, HrFeed.Row row) {
		String planId = scored.planId();
		String checkpoint = scored.checkpoint();
		Link manager = new Link(Links.manager(planId, row.managerId(), checkpoint), row.managerName());
		Link area = new Link(Links.area(planId, row.organisationalArea(), checkpoint),
				row.organisationalAreaName() == null ? row.organisationalArea() : row.organisationalAreaName());
		if (toMeasure(scored, row.managerId())) {
			return new ManagerRow(manager, area, null, null, TrafficLight.TO_MEASURE, null, null);
		}
		return new ManagerRow(manager, area, row.score(), row.coverage(), scored.light(row.score()), row.band(),
				row.payoutPercentage());
	}

	static boolean toMeasure(Scored scored, String managerId) {
		return scored.document().scorecard().manager(managerId).map(scored.toMeasure()::node).orElse(false);
	}

	static TreeRow row(Scored scored, int level, String kind, NodeScore node, String name, BigDecimal weight,
			String href, Link manager) {
		TrafficLight light = scored.light(node);
		return new TreeRow(level, kind, node.code(), name, weight, scored.score(node), scored.coverage(node), light,
				href, manager, light.toMeasure() ? null : node.arithmetic());
	}

	Pages.HrPage hrFeed(String planId, String checkpoint, String path, PlanScope scope) {
		Scored scored = plans.scored(planId, checkpoint);
		HrFeed feed = hrFeeds.feed(planId, checkpoint);
		java.util.Set<String> toMeasure = feed.rows().stream().map(HrFeed.Row::managerId)
				.filter(id -> toMeasure(scored, id)).collect(Collectors.toSet());
		return new Pages.HrPage(plans.header(scored, path, scope), ScoredPlans.meta(scored.document()), feed,
				Links.hrFeedCsv(planId, checkpoint), ScoredPlans.legend(scored.policy()), toMeasure);
	}

	/**
	 * The strategy tree walked once for both its views: the table's rows (areas, strategic objectives, objectives in
	 * the plan's order) and the sunburst's rings, where an objective's slice is its share of the entity's weight.
	 */
	private final class Tree {

		private final Scored scored;

		private final Map<String, NodeScore> areas;

		private final Map<String, NodeScore> strategics;

		private final Map<String, NodeScore> objectives;

		private final Map<String, ScoringPlan.Objective> definitions;

		private final Map<String, String> shortTitles;

		private final Map<String, String> managerNames;

		private final List<TreeRow> rows = new ArrayList<>();

		Tree(Scored scored) {
			this.scored = scored;
			var card = scored.document().scorecard();
			this.areas = PlanContents.byCode(card.strategicAreas());
			this.strategics = PlanContents.byCode(card.strategicObjectives());
			this.objectives = PlanContents.byCode(card.objectives());
			this.definitions = PlanContents.objectives(scored.plan());
			this.shortTitles = PlanContents.shortTitles(scored.content());
			this.managerNames = scored.plan().managers().stream()
					.collect(Collectors.toMap(ScoringPlan.Manager::id, ScoringPlan.Manager::name, (a, b) -> a));
		}

		List<Charts.Node> walk(NodeScore entity) {
			List<Charts.Node> sunburst = new ArrayList<>();
			BigDecimal areaTotal = total(entity.contributions());
			for (NodeScore.Contribution areaShare : entity.contributions()) {
				NodeScore area = areas.get(areaShare.code());
				if (area == null) {
					continue;
				}
				rows.add(row(1, "node.STRATEGIC_AREA", area, area.name(), areaShare.weight(), null, null));
				BigDecimal areaFraction = share(areaShare.weight(), areaTotal);
				List<Charts.Node> areaChildren = new ArrayList<>();
				BigDecimal strategicTotal = total(area.contributions());
				for (NodeScore.Contribution strategicShare : area.contributions()) {
					NodeScore strategic = strategics.get(strategicShare.code());
					if (strategic == null) {
						continue;
					}
					rows.add(row(2, "node.STRATEGIC_OBJECTIVE", strategic, strategic.name(), strategicShare.weight(),
							null, null));
					BigDecimal strategicFraction = areaFraction.multiply(share(strategicShare.weight(), strategicTotal));
					areaChildren.add(node(strategic, null, objectives(strategic, strategicFraction)));
				}
				sunburst.add(node(area, null, areaChildren));
			}
			return sunburst;
		}

		private List<Charts.Node> objectives(NodeScore strategic, BigDecimal strategicFraction) {
			String planId = scored.planId();
			String checkpoint = scored.checkpoint();
			List<Charts.Node> children = new ArrayList<>();
			BigDecimal objectiveTotal = total(strategic.contributions());
			for (NodeScore.Contribution objectiveShare : strategic.contributions()) {
				NodeScore objective = objectives.get(objectiveShare.code());
				if (objective == null) {
					continue;
				}
				ScoringPlan.Objective definition = definitions.get(objective.code());
				Link manager = definition == null ? null
						: new Link(Links.manager(planId, definition.manager(), checkpoint),
								managerNames.getOrDefault(definition.manager(), definition.manager()));
				rows.add(row(3, "node.OBJECTIVE", objective,
						shortTitles.getOrDefault(objective.code(), objective.name()), objectiveShare.weight(),
						Links.objective(planId, objective.code(), checkpoint), manager));
				BigDecimal leaf = strategicFraction.multiply(share(objectiveShare.weight(), objectiveTotal))
						.movePointRight(2);
				// the short title, as in the tree table: the sunburst writes it on the segment
				children.add(charts.node(objective.code(), shortTitles.getOrDefault(objective.code(), objective.name()),
						scored.score(objective), scored.light(objective), leaf, null));
			}
			return children;
		}

		private TreeRow row(int level, String kind, NodeScore node, String name, BigDecimal weight, String href,
				Link manager) {
			return OverviewPages.row(scored, level, kind, node, name, weight, href, manager);
		}

		private Charts.Node node(NodeScore node, BigDecimal value, List<Charts.Node> children) {
			return charts.node(node.code(), node.name(), scored.score(node), scored.light(node), value, children);
		}
	}

	private static BigDecimal total(List<NodeScore.Contribution> contributions) {
		return contributions.stream().map(NodeScore.Contribution::weight).filter(Objects::nonNull)
				.reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	private static BigDecimal share(BigDecimal weight, BigDecimal total) {
		if (weight == null || total.signum() == 0) {
			return BigDecimal.ZERO;
		}
		return weight.divide(total, MathContext.DECIMAL64);
	}
}
