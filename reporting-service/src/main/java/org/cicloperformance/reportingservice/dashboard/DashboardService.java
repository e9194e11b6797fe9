package org.cicloperformance.reportingservice.dashboard;

import org.cicloperformance.reportingservice.format.Formats;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.dashboard.Pages.CheckpointOption;
import org.cicloperformance.reportingservice.dashboard.Pages.Header;
import org.cicloperformance.reportingservice.dashboard.Pages.IndicatorRow;
import org.cicloperformance.reportingservice.dashboard.Pages.LegendEntry;
import org.cicloperformance.reportingservice.dashboard.Pages.Link;
import org.cicloperformance.reportingservice.dashboard.Pages.ManagerRow;
import org.cicloperformance.reportingservice.dashboard.Pages.Meta;
import org.cicloperformance.reportingservice.dashboard.Pages.ObjectiveBlock;
import org.cicloperformance.reportingservice.dashboard.Pages.TreeRow;
import org.cicloperformance.reportingservice.dashboard.Pages.TrendPoint;
import org.cicloperformance.reportingservice.checkpoint.CurrentScores;
import org.cicloperformance.reportingservice.hr.HrFeed;
import org.cicloperformance.reportingservice.hr.HrFeedService;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Policy;
import org.cicloperformance.reportingservice.engine.ScoringPlan;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the dashboard pages from the same read model the JSON API serves: the score documents, the plan versions,
 * the result facts and the HR feed. Nothing here computes a score: every figure is one the engine stored.
 */
@Service
class DashboardService {

	/** The final scores of a closed checkpoint, the live ones otherwise. */
	private final CurrentScores scores;

	private final PlanVersions plans;

	private final ResultFacts results;

	private final HrFeedService hrFeeds;

	private final Display display;

	private final Formats fmt;

	private final JsonMapper json;

	private final Access access;

	DashboardService(CurrentScores scores, PlanVersions plans, ResultFacts results, HrFeedService hrFeeds,
			Display display, Formats fmt, JsonMapper json, Access access) {
		this.scores = scores;
		this.plans = plans;
		this.results = results;
		this.hrFeeds = hrFeeds;
		this.display = display;
		this.fmt = fmt;
		this.json = json;
		this.access = access;
	}

	/** A score document with the plan version it was scored with. */
	private record Scored(ScoreDocument document, PlanEvent.Content content, ScoringPlan plan) {

		Policy policy() {
			return plan.policy();
		}
	}

	/** The plans the reader may open (of its entity), each linked to the reader's own page of it. */
	List<Pages.PlanSummary> plans(List<PlanScope> readable) {
		return readable.stream().sorted(Comparator.comparing(PlanScope::planId)).map(scope -> {
			String id = scope.planId();
			List<PlanVersionFact> versions = plans.versions(id);
			PlanEvent.Content content = plans.content(versions.get(versions.size() - 1));
			return new Pages.PlanSummary(id, content.title(), content.entityName(), content.year(), versions.size(),
					checkpoints(id, content), scope.home().orElseThrow());
		}).toList();
	}

	/** The checkpoint a plan opens on: the latest one with a result, else the first one scored. */
	String defaultCheckpoint(String planId) {
		List<ScoreDocument> documents = scores.findAll(planId);
		if (documents.isEmpty()) {
			throw new NotFoundException("notFound.plan", planId);
		}
		return documents.stream()
				.filter(d -> d.scorecard().indicators().stream().anyMatch(i -> i.result() != null))
				.reduce((first, second) -> second).orElse(documents.get(0)).checkpoint();
	}

	Pages.Overview overview(String planId, String checkpoint, String path, PlanScope scope) {
		Scored scored = scored(planId, checkpoint);
		var card = scored.document().scorecard();
		Map<String, NodeScore> areas = byCode(card.strategicAreas());
		Map<String, NodeScore> strategics = byCode(card.strategicObjectives());
		Map<String, NodeScore> objectives = byCode(card.objectives());
		Map<String, ScoringPlan.Objective> definitions = objectiveDefinitions(scored.plan());
		Map<String, String> shortTitles = shortTitles(scored.content());
		Map<String, String> managerNames = scored.plan().managers().stream()
				.collect(Collectors.toMap(ScoringPlan.Manager::id, ScoringPlan.Manager::name, (a, b) -> a));

		NodeScore entity = card.entity();
		TreeRow entityRow = new TreeRow(0, "node.ENTITY", entity.code(), entity.name(), null, entity.score(),
				entity.coverage(), light(scored, entity.score()), null, null, entity.arithmetic());
		List<TreeRow> rows = new ArrayList<>();
		List<Map<String, Object>> sunburst = new ArrayList<>();
		BigDecimal areaTotal = total(entity.contributions());
		for (NodeScore.Contribution areaShare : entity.contributions()) {
			NodeScore area = areas.get(areaShare.code());
			if (area == null) {
				continue;
			}
			rows.add(new TreeRow(1, "node.STRATEGIC_AREA", area.code(), area.name(), areaShare.weight(), area.score(),
					area.coverage(), light(scored, area.score()), null, null, area.arithmetic()));
			BigDecimal areaFraction = share(areaShare.weight(), areaTotal);
			List<Map<String, Object>> areaChildren = new ArrayList<>();
			BigDecimal strategicTotal = total(area.contributions());
			for (NodeScore.Contribution strategicShare : area.contributions()) {
				NodeScore strategic = strategics.get(strategicShare.code());
				if (strategic == null) {
					continue;
				}
				rows.add(new TreeRow(2, "node.STRATEGIC_OBJECTIVE", strategic.code(), strategic.name(),
						strategicShare.weight(), strategic.score(), strategic.coverage(),
						light(scored, strategic.score()), null, null, strategic.arithmetic()));
				BigDecimal strategicFraction = areaFraction.multiply(share(strategicShare.weight(), strategicTotal));
				List<Map<String, Object>> strategicChildren = new ArrayList<>();
				BigDecimal objectiveTotal = total(strategic.contributions());
				for (NodeScore.Contribution objectiveShare : strategic.contributions()) {
					NodeScore objective = objectives.get(objectiveShare.code());
					if (objective == null) {
						continue;
					}
					ScoringPlan.Objective definition = definitions.get(objective.code());
					Link manager = definition == null ? null
							: new Link(managerHref(planId, definition.manager(), checkpoint),
									managerNames.getOrDefault(definition.manager(), definition.manager()));
					rows.add(new TreeRow(3, "node.OBJECTIVE", objective.code(),
							shortTitles.getOrDefault(objective.code(), objective.name()), objectiveShare.weight(),
							objective.score(), objective.coverage(), light(scored, objective.score()),
							objectiveHref(planId, objective.code(), checkpoint), manager, objective.arithmetic()));
					BigDecimal leaf = strategicFraction.multiply(share(objectiveShare.weight(), objectiveTotal))
							.movePointRight(2);
					strategicChildren.add(sunburstNode(scored, objective, leaf, null));
				}
				areaChildren.add(sunburstNode(scored, strategic, null, strategicChildren));
			}
			sunburst.add(sunburstNode(scored, area, null, areaChildren));
		}

		HrFeed feed = hrFeeds.feed(planId, checkpoint);
		List<ManagerRow> managers = feed.rows().stream()
				.map(row -> new ManagerRow(new Link(managerHref(planId, row.managerId(), checkpoint), row.managerName()),
						new Link(areaHref(planId, row.organisationalArea(), checkpoint),
								row.organisationalAreaName() == null ? row.organisationalArea()
										: row.organisationalAreaName()),
						row.score(), row.coverage(), light(scored, row.score()), row.band(), row.payoutPercentage()))
				.toList();

		Map<String, Object> treeChart = new LinkedHashMap<>();
		treeChart.put("type", "sunburst");
		treeChart.put("center", Map.of("name", entity.name(), "text", fmt.percent(entity.score()),
				"light", light(scored, entity.score()).name()));
		treeChart.put("data", sunburst);
		List<Map<String, Object>> bars = managers.stream().map(m -> bar(m.manager().label(), m.score(), m.light()))
				.toList();
		Map<String, Object> managerChart = barChart(bars, display.message("chart.score"));
		return new Pages.Overview(header(scored, path, scope), meta(scored.document()), entityRow, rows, managers,
				legend(scored.policy()), toJson(treeChart), toJson(managerChart));
	}

	Pages.Scorecard manager(String planId, String checkpoint, String managerId, String path, PlanScope scope) {
		Scored scored = scored(planId, checkpoint);
		NodeScore node = scored.document().scorecard().manager(managerId)
				.orElseThrow(() -> new NotFoundException("notFound.manager", managerId, planId, checkpoint));
		PlanEvent.Manager manager = scored.content().managers().stream().filter(m -> managerId.equals(m.id()))
				.findFirst().orElse(null);
		String areaCode = manager == null ? null : manager.organisationalArea();
		Link area = areaCode == null ? null : new Link(areaHref(planId, areaCode, checkpoint), areaName(scored, areaCode));
		List<HrFeed.Row> hr = hrFeeds.feed(planId, checkpoint).rows().stream()
				.filter(r -> managerId.equals(r.managerId()) && scope.pay(r.managerId())).toList();
		return scorecard(scored, path, scope, true, node, manager == null ? null : manager.role(), area, List.of(), hr,
				card -> card.manager(managerId));
	}

	Pages.Scorecard area(String planId, String checkpoint, String areaCode, String path, PlanScope scope) {
		Scored scored = scored(planId, checkpoint);
		NodeScore node = scored.document().scorecard().organisationalArea(areaCode)
				.orElseThrow(() -> new NotFoundException("notFound.area", areaCode, planId, checkpoint));
		List<Link> managers = scored.plan().managers().stream().filter(m -> areaCode.equals(m.organisationalArea()))
				.map(m -> new Link(managerHref(planId, m.id(), checkpoint), m.name())).toList();
		List<String> managerIds = scored.plan().managers().stream()
				.filter(m -> areaCode.equals(m.organisationalArea())).map(ScoringPlan.Manager::id).toList();
		List<HrFeed.Row> hr = hrFeeds.feed(planId, checkpoint).rows().stream()
				.filter(r -> managerIds.contains(r.managerId()) && scope.pay(r.managerId())).toList();
		return scorecard(scored, path, scope, false, node, null, null, managers, hr,
				card -> card.organisationalArea(areaCode));
	}

	private Pages.Scorecard scorecard(Scored scored, String path, PlanScope scope, boolean isManager, NodeScore node,
			String role, Link area, List<Link> managers, List<HrFeed.Row> hr,
			Function<org.cicloperformance.reportingservice.engine.Scorecard, Optional<NodeScore>> select) {
		String planId = scored.document().planId();
		String checkpoint = scored.document().checkpoint();
		Map<String, NodeScore> objectives = byCode(scored.document().scorecard().objectives());
		List<ObjectiveBlock> blocks = node.contributions().stream().filter(c -> objectives.containsKey(c.code()))
				.map(c -> objectiveBlock(scored, objectives.get(c.code()), c.weight())).toList();
		List<TrendPoint> trend = trend(planId, checkpoint, select);
		List<Map<String, Object>> bars = blocks.stream()
				.map(b -> bar(b.code() + " " + b.shortTitle(), b.score(), b.light())).toList();
		return new Pages.Scorecard(header(scored, path, scope), meta(scored.document()), isManager, node.code(),
				node.name(),
				role, area, managers, node.score(), node.coverage(), light(scored, node.score()), node.arithmetic(),
				node.coverageArithmetic(), blocks, trend, hr, legend(scored.policy()),
				toJson(barChart(bars, display.message("chart.score"))), toJson(trendChart(trend)));
	}

	Pages.ObjectivePage objective(String planId, String checkpoint, String code, String path, PlanScope scope) {
		Scored scored = scored(planId, checkpoint);
		NodeScore objective = scored.document().scorecard().objective(code)
				.orElseThrow(() -> new NotFoundException("notFound.objective", code, planId));
		ScoringPlan.Objective definition = objectiveDefinitions(scored.plan()).get(code);
		ObjectiveBlock block = objectiveBlock(scored, objective, definition == null ? null : definition.weight());
		List<TrendPoint> trend = trend(planId, checkpoint, card -> card.objective(code));
		return new Pages.ObjectivePage(header(scored, path, scope), meta(scored.document()), block, trend,
				legend(scored.policy()), toJson(trendChart(trend)));
	}

	Pages.IndicatorPage indicator(String planId, String checkpoint, String objective, String indicator,
			String path, PlanScope scope) {
		Scored selected = scored(planId, checkpoint);
		Map<Integer, Scored> byVersion = new HashMap<>();
		List<Pages.IndicatorCheckpoint> rows = new ArrayList<>();
		MeasureKind kind = null;
		for (ScoreDocument document : scores.findAll(planId)) {
			Scored scored = byVersion.computeIfAbsent(document.scorecard().planVersion(),
					v -> withPlan(document));
			Optional<IndicatorScore> found = document.scorecard().indicator(objective, indicator);
			if (found.isEmpty()) {
				continue;
			}
			IndicatorScore score = found.get();
			kind = score.kind();
			String unit = unit(scored.content(), objective, indicator);
			Optional<ResultFact> latest = results.latest(planId, objective, indicator, document.checkpoint())
					.filter(f -> score.result() != null && f.resultVersion() == score.result().resultVersion());
			String deviation = display.deviation(Deviations.of(score.kind(), score.target(), score.result(),
					latest.map(ResultFact::deviation).orElse(null)).orElse(null));
			rows.add(new Pages.IndicatorCheckpoint(document.checkpoint(), document.checkpointLabel(),
					document.checkpointDate(), document.scorecard().planVersion(),
					display.target(score.kind(), score.target(), unit), wording(score.target()),
					display.result(score.kind(), score.result(), unit), deviation, score.achievement().value(),
					"status." + score.achievement().status().name(), score.achievement().arithmetic(),
					score.achievement().parts().stream()
							.map(p -> new Pages.Part(p.code(), p.weight(), p.value(), p.arithmetic())).toList(),
					light(scored, score.achievement().value()),
					score.result() == null ? null : score.result().resultVersion(),
					document.checkpoint().equals(checkpoint), document.status().name(),
					oivVerdict(score.achievement()), selfReported(score.achievement()),
					score.achievement().oiv() == null ? null : score.achievement().oiv().reason()));
		}
		List<ResultFact> history = results.history(planId, objective, indicator);
		if (rows.isEmpty() && history.isEmpty()) {
			throw new NotFoundException("notFound.indicator", objective, indicator, planId);
		}
		PlanEvent.Indicator definition = indicatorDefinition(selected.content(), objective, indicator)
				.or(() -> latestDefinition(planId, objective, indicator)).orElse(null);
		MeasureKind measureKind = kind != null ? kind
				: definition == null ? MeasureKind.COUNT : MeasureKind.valueOf(definition.measureKind());
		String unit = definition == null ? null : definition.unit();
		Map<String, String> labels = rows.stream().collect(
				Collectors.toMap(Pages.IndicatorCheckpoint::checkpoint, Pages.IndicatorCheckpoint::label, (a, b) -> a));
		List<Pages.ResultVersionRow> versions = history.stream()
				.map(f -> new Pages.ResultVersionRow(labels.getOrDefault(f.checkpoint(), f.checkpoint()),
						f.resultVersion(), f.planVersion(), display.value(measureKind, f.value(), unit), f.reportedBy(),
						f.recordedAt(), f.reason(),
						rows.stream().anyMatch(r -> r.checkpoint().equals(f.checkpoint()) && r.resultVersion() != null
								&& r.resultVersion() == f.resultVersion())))
				.toList();
		List<Pages.Commentary> commentaries = new ArrayList<>();
		for (Pages.IndicatorCheckpoint row : rows) {
			results.latest(planId, objective, indicator, row.checkpoint())
					.filter(f -> hasText(f.commentary()) || (f.evidence() != null && !f.evidence().isEmpty())
							|| (f.value() != null && hasText(f.value().justification())))
					.ifPresent(f -> commentaries.add(new Pages.Commentary(row.label(), f.resultVersion(),
							f.commentary(), f.value() == null ? null : f.value().justification(),
							f.evidence() == null ? List.of() : f.evidence())));
		}
		ScoringPlan.Objective objectiveDefinition = objectiveDefinitions(selected.plan()).get(objective);
		return new Pages.IndicatorPage(header(selected, path, scope), objective,
				objectiveDefinition == null ? objective : objectiveDefinition.title(),
				objectiveHref(planId, objective, checkpoint), indicator,
				definition == null ? indicator : definition.name(), "kind." + measureKind.name(),
				definition == null || definition.direction() == null ? "direction.HIGHER_IS_BETTER"
						: "direction." + definition.direction(),
				unit, definition == null ? null : definition.weight(), rows, versions, commentaries,
				revisions(planId, objective, indicator, measureKind, unit, labels), legend(selected.policy()),
				measureKind.isNumeric() ? toJson(targetResultChart(rows, selected, objective, indicator)) : null);
	}

	Pages.HrPage hrFeed(String planId, String checkpoint, String path, PlanScope scope) {
		Scored scored = scored(planId, checkpoint);
		HrFeed feed = hrFeeds.feed(planId, checkpoint);
		// the dashboard's own copy of the CSV: the API's needs credentials a browser session does not send
		String csv = link("/dashboard/plans/{plan}/hr-feed.csv", checkpoint, planId);
		return new Pages.HrPage(header(scored, path, scope), meta(scored.document()), feed, csv,
				legend(scored.policy()));
	}

	// --- building blocks ---

	private Scored scored(String planId, String checkpoint) {
		ScoreDocument document = scores.find(planId, checkpoint)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		return withPlan(document);
	}

	private Scored withPlan(ScoreDocument document) {
		PlanVersionFact version = plans.version(document.planId(), document.scorecard().planVersion()).orElseThrow();
		return new Scored(document, plans.content(version), plans.scorer(version).plan());
	}

	/** The header links only what the reader may open: the others would only lead to a refusal. */
	private Header header(Scored scored, String path, PlanScope scope) {
		String planId = scored.document().planId();
		String checkpoint = scored.document().checkpoint();
		List<Pages.PlanOption> options = access.plans().stream().map(PlanScope::planId).sorted().map(id -> {
			List<PlanVersionFact> versions = plans.versions(id);
			PlanEvent.Content content = plans.content(versions.get(versions.size() - 1));
			return new Pages.PlanOption(id, content.title() == null ? id : content.title());
		}).toList();
		List<Link> managers = scored.plan().managers().stream().filter(m -> scope.manager(m.id()))
				.map(m -> new Link(managerHref(planId, m.id(), checkpoint), m.name())).toList();
		List<Link> areas = scored.plan().organisationalAreas().stream().filter(a -> scope.area(a.code()))
				.map(a -> new Link(areaHref(planId, a.code(), checkpoint), a.name())).toList();
		return new Header(planId, scored.content().title(), scored.content().entityName(), options,
				checkpoints(planId, scored.content()), checkpoint, scored.document().checkpointLabel(),
				scored.document().checkpointDate(), managers, areas, path, scope.overview(), scope.hrFeed());
	}

	private List<CheckpointOption> checkpoints(String planId, PlanEvent.Content content) {
		Map<String, ScoreDocument> scored = scores.findAll(planId).stream()
				.collect(Collectors.toMap(ScoreDocument::checkpoint, Function.identity(), (a, b) -> a));
		List<CheckpointOption> options = new ArrayList<>();
		if (content.checkpoints() != null) {
			content.checkpoints().stream().filter(Objects::nonNull)
					.sorted(Comparator.comparing(PlanEvent.Checkpoint::date,
							Comparator.nullsLast(Comparator.naturalOrder())))
					.forEach(c -> options.add(new CheckpointOption(c.id(), c.label() == null ? c.id() : c.label(),
							c.date(), scored.containsKey(c.id()))));
		}
		scored.values().stream().filter(d -> options.stream().noneMatch(o -> o.id().equals(d.checkpoint())))
				.forEach(d -> options.add(new CheckpointOption(d.checkpoint(), d.checkpointLabel(), d.checkpointDate(),
						true)));
		return options;
	}

	private static Meta meta(ScoreDocument document) {
		return new Meta(document.scorecard().planVersion(), document.scorecard().policyVersion(),
				document.status().name(), document.finalCheckpoint(), document.computedAt(), document.revision());
	}

	private ObjectiveBlock objectiveBlock(Scored scored, NodeScore objective, BigDecimal weight) {
		String planId = scored.document().planId();
		String checkpoint = scored.document().checkpoint();
		ScoringPlan.Objective definition = objectiveDefinitions(scored.plan()).get(objective.code());
		Link manager = null;
		Link area = null;
		if (definition != null) {
			manager = scored.plan().managers().stream().filter(m -> m.id().equals(definition.manager())).findFirst()
					.map(m -> new Link(managerHref(planId, m.id(), checkpoint), m.name())).orElse(null);
			area = definition.organisationalArea() == null ? null
					: new Link(areaHref(planId, definition.organisationalArea(), checkpoint),
							areaName(scored, definition.organisationalArea()));
		}
		Link strategic = scored.plan().strategicAreas().stream().flatMap(a -> a.objectives().stream())
				.filter(s -> s.objectives().stream().anyMatch(o -> o.code().equals(objective.code()))).findFirst()
				.map(s -> new Link(overviewHref(planId, checkpoint) + "#node-" + s.code(), s.code() + " " + s.name()))
				.orElse(null);
		List<IndicatorRow> indicators = scored.document().scorecard().indicators().stream()
				.filter(i -> i.objective().equals(objective.code())).map(i -> indicatorRow(scored, i)).toList();
		return new ObjectiveBlock(objective.code(), objective.name(),
				shortTitles(scored.content()).getOrDefault(objective.code(), objective.name()),
				objectiveHref(planId, objective.code(), checkpoint), manager, area, strategic, weight, objective.score(),
				objective.coverage(), light(scored, objective.score()), objective.arithmetic(),
				objective.coverageArithmetic(), indicators);
	}

	private IndicatorRow indicatorRow(Scored scored, IndicatorScore score) {
		String planId = scored.document().planId();
		String checkpoint = scored.document().checkpoint();
		String unit = unit(scored.content(), score.objective(), score.indicator());
		Optional<ResultFact> fact = score.result() == null ? Optional.empty()
				: results.latest(planId, score.objective(), score.indicator(), checkpoint)
						.filter(f -> f.resultVersion() == score.result().resultVersion());
		String deviation = display.deviation(Deviations.of(score.kind(), score.target(), score.result(),
				fact.map(ResultFact::deviation).orElse(null)).orElse(null));
		return new IndicatorRow(score.indicator(), score.name(),
				indicatorHref(planId, score.objective(), score.indicator(), checkpoint), "kind." + score.kind().name(),
				score.weight(), display.target(score.kind(), score.target(), unit),
				display.result(score.kind(), score.result(), unit), deviation, score.achievement().value(),
				"status." + score.achievement().status().name(), score.achievement().arithmetic(),
				light(scored, score.achievement().value()), oivVerdict(score.achievement()),
				selfReported(score.achievement()),
				score.achievement().oiv() == null ? null : score.achievement().oiv().reason());
	}

	/** The OIV's verdict on a closed checkpoint's indicator ({@code VALIDATED}, {@code ADJUSTED}); null when live. */
	private static String oivVerdict(Achievement achievement) {
		return achievement.oiv() == null ? null : achievement.oiv().kind().name();
	}

	/** The achievement of the office's own result, shown beside the OIV's figure. */
	private static BigDecimal selfReported(Achievement achievement) {
		return achievement.declared() == null ? null : achievement.declared().value();
	}

	private List<TrendPoint> trend(String planId, String checkpoint,
			Function<org.cicloperformance.reportingservice.engine.Scorecard, Optional<NodeScore>> select) {
		Map<Integer, Policy> policies = new HashMap<>();
		List<TrendPoint> points = new ArrayList<>();
		for (ScoreDocument document : scores.findAll(planId)) {
			select.apply(document.scorecard()).ifPresent(node -> {
				Policy policy = policies.computeIfAbsent(document.scorecard().planVersion(),
						v -> withPlan(document).policy());
				points.add(new TrendPoint(document.checkpoint(), document.checkpointLabel(), document.checkpointDate(),
						document.scorecard().planVersion(), node.score(), node.coverage(),
						TrafficLight.of(policy, node.score()), document.checkpoint().equals(checkpoint)));
			});
		}
		return points;
	}

	private List<Pages.RevisionRow> revisions(String planId, String objective, String indicator, MeasureKind kind,
			String unit, Map<String, String> labels) {
		List<Pages.RevisionRow> rows = new ArrayList<>();
		List<PlanVersionFact> versions = plans.versions(planId);
		for (PlanVersionFact version : versions) {
			Optional<PlanEvent.Revision> revision = plans.revision(version);
			if (revision.isEmpty() || revision.get().changes() == null) {
				continue;
			}
			int baseVersion = revision.get().baseVersion() == null ? version.version() - 1
					: revision.get().baseVersion();
			Optional<PlanEvent.Indicator> before = versions.stream().filter(v -> v.version() == baseVersion)
					.findFirst().flatMap(v -> indicatorDefinition(plans.content(v), objective, indicator));
			PlanEvent.Act act = revision.get().act();
			String actText = act == null ? null
					: act.type() + (act.number() == null ? "" : " n. " + act.number());
			for (PlanEvent.Change change : revision.get().changes()) {
				if (change == null || !objective.equals(change.objective()) || !touches(change, indicator)) {
					continue;
				}
				String original = Formats.NONE;
				String revised = Formats.NONE;
				String checkpointLabel = null;
				switch (change.type() == null ? "" : change.type()) {
					case "TARGET_CHANGED" -> {
						PlanEvent.Target target = change.target();
						String at = target == null ? null : target.checkpoint();
						checkpointLabel = at == null ? null : labels.getOrDefault(at, at);
						original = before.flatMap(b -> targetAt(b, at)).map(t -> display.target(kind, t, unit))
								.orElse(Formats.NONE);
						revised = target == null ? Formats.NONE : display.target(kind, toTarget(target), unit);
					}
					case "INDICATOR_WEIGHT_CHANGED" -> {
						original = before.map(PlanEvent.Indicator::weight).map(fmt::number).orElse(Formats.NONE);
						revised = fmt.number(change.weight());
					}
					case "INDICATOR_ADDED" -> revised = change.indicatorDefinition() == null ? Formats.NONE
							: change.indicatorDefinition().targets().stream()
									.map(t -> labels.getOrDefault(t.checkpoint(), t.checkpoint()) + ": "
											+ display.target(kind, toTarget(t), unit))
									.collect(Collectors.joining("; "));
					default -> {
					}
				}
				rows.add(new Pages.RevisionRow(version.version(), baseVersion, actText, act == null ? null : act.date(),
						"change." + change.type(), checkpointLabel, original, revised,
						change.reason() != null ? change.reason() : revision.get().reason()));
			}
		}
		return rows;
	}

	private static boolean touches(PlanEvent.Change change, String indicator) {
		if (indicator.equals(change.indicator())) {
			return true;
		}
		return change.indicatorDefinition() != null && indicator.equals(change.indicatorDefinition().code());
	}

	private static Optional<IndicatorTarget> targetAt(PlanEvent.Indicator indicator, String checkpoint) {
		return indicator.targets() == null ? Optional.empty()
				: indicator.targets().stream().filter(t -> t != null && Objects.equals(t.checkpoint(), checkpoint))
						.findFirst().map(DashboardService::toTarget);
	}

	private static IndicatorTarget toTarget(PlanEvent.Target t) {
		return new IndicatorTarget(t.number(), t.yes(), t.milestones(),
				t.components() == null ? null : t.components().entrySet().stream().filter(e -> e.getValue() != null)
						.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
				t.text());
	}

	private Optional<PlanEvent.Indicator> latestDefinition(String planId, String objective, String indicator) {
		List<PlanVersionFact> versions = plans.versions(planId);
		for (int i = versions.size() - 1; i >= 0; i--) {
			Optional<PlanEvent.Indicator> found = indicatorDefinition(plans.content(versions.get(i)), objective,
					indicator);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
	}

	private static Optional<PlanEvent.Indicator> indicatorDefinition(PlanEvent.Content content, String objective,
			String indicator) {
		return operationalObjectives(content).filter(o -> objective.equals(o.code()))
				.flatMap(o -> o.indicators() == null ? java.util.stream.Stream.empty() : o.indicators().stream())
				.filter(i -> i != null && indicator.equals(i.code())).findFirst();
	}

	private static java.util.stream.Stream<PlanEvent.OperationalObjective> operationalObjectives(
			PlanEvent.Content content) {
		return (content.strategicAreas() == null ? List.<PlanEvent.StrategicArea>of() : content.strategicAreas())
				.stream().filter(Objects::nonNull)
				.flatMap(a -> a.strategicObjectives() == null ? java.util.stream.Stream.empty()
						: a.strategicObjectives().stream())
				.filter(Objects::nonNull)
				.flatMap(s -> s.operationalObjectives() == null ? java.util.stream.Stream.empty()
						: s.operationalObjectives().stream())
				.filter(Objects::nonNull);
	}

	private static String unit(PlanEvent.Content content, String objective, String indicator) {
		return indicatorDefinition(content, objective, indicator).map(PlanEvent.Indicator::unit).orElse(null);
	}

	private static Map<String, String> shortTitles(PlanEvent.Content content) {
		Map<String, String> titles = new HashMap<>();
		operationalObjectives(content).forEach(o -> titles.put(o.code(),
				o.shortTitle() != null && !o.shortTitle().isBlank() ? o.shortTitle() : o.title()));
		return titles;
	}

	private static Map<String, ScoringPlan.Objective> objectiveDefinitions(ScoringPlan plan) {
		return plan.objectives().stream()
				.collect(Collectors.toMap(ScoringPlan.Objective::code, Function.identity(), (a, b) -> a));
	}

	private static String areaName(Scored scored, String code) {
		return scored.plan().organisationalAreas().stream().filter(a -> a.code().equals(code))
				.map(ScoringPlan.OrganisationalArea::name).findFirst().orElse(code);
	}

	private static TrafficLight light(Scored scored, BigDecimal score) {
		return TrafficLight.of(scored.policy(), score);
	}

	static List<LegendEntry> legend(Policy policy) {
		return policy.incentiveBands().stream()
				.sorted(Comparator.comparing(Policy.IncentiveBand::from, Comparator.nullsFirst(Comparator.naturalOrder()))
						.reversed())
				.map(b -> new LegendEntry(TrafficLight.of(b.payout()), b.code(), b.from(), b.to())).toList();
	}

	private Map<String, Object> sunburstNode(Scored scored, NodeScore node, BigDecimal value,
			List<Map<String, Object>> children) {
		Map<String, Object> item = new LinkedHashMap<>();
		item.put("name", node.code());
		item.put("title", node.name());
		item.put("text", fmt.percent(node.score()));
		item.put("light", light(scored, node.score()).name());
		if (value != null) {
			item.put("value", value.setScale(4, RoundingMode.HALF_EVEN));
		}
		if (children != null) {
			item.put("children", children);
		}
		return item;
	}

	private Map<String, Object> bar(String label, BigDecimal score, TrafficLight light) {
		Map<String, Object> bar = new LinkedHashMap<>();
		bar.put("label", label);
		bar.put("value", score == null ? null : score.movePointRight(2).setScale(2, RoundingMode.HALF_UP));
		bar.put("text", fmt.percent(score));
		bar.put("light", light.name());
		return bar;
	}

	private Map<String, Object> barChart(List<Map<String, Object>> bars, String seriesName) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "bars");
		chart.put("series", seriesName);
		chart.put("bars", bars);
		return chart;
	}

	private Map<String, Object> trendChart(List<TrendPoint> trend) {
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "lines");
		chart.put("unit", "%");
		chart.put("categories", trend.stream().map(TrendPoint::label).toList());
		chart.put("series", List.of(
				series(display.message("chart.score"), trend.stream().map(TrendPoint::score).toList(), true),
				series(display.message("chart.coverage"), trend.stream().map(TrendPoint::coverage).toList(), true)));
		return chart;
	}

	private Map<String, Object> targetResultChart(List<Pages.IndicatorCheckpoint> rows, Scored selected,
			String objective, String indicator) {
		List<BigDecimal> targets = new ArrayList<>();
		List<BigDecimal> values = new ArrayList<>();
		for (Pages.IndicatorCheckpoint row : rows) {
			Optional<IndicatorScore> score = scores.find(selected.document().planId(), row.checkpoint())
					.flatMap(d -> d.scorecard().indicator(objective, indicator));
			targets.add(score.map(IndicatorScore::target).map(IndicatorTarget::number).orElse(null));
			values.add(score.map(IndicatorScore::result).map(r -> r.number()).orElse(null));
		}
		Map<String, Object> chart = new LinkedHashMap<>();
		chart.put("type", "columns");
		chart.put("categories", rows.stream().map(Pages.IndicatorCheckpoint::label).toList());
		chart.put("series", List.of(series(display.message("chart.target"), targets, false),
				series(display.message("chart.result"), values, false)));
		return chart;
	}

	private Map<String, Object> series(String name, List<BigDecimal> values, boolean fractions) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("values", values.stream()
				.map(v -> v == null ? null : fractions ? v.movePointRight(2).setScale(2, RoundingMode.HALF_UP) : v)
				.toList());
		series.put("texts", values.stream().map(v -> fractions ? fmt.percent(v) : fmt.number(v)).toList());
		return series;
	}

	/** JSON for a {@code <script type="application/json">} block: '<' escaped so no text can close the script. */
	private String toJson(Object value) {
		return json.writeValueAsString(value).replace("<", "\\u003c");
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

	private static Map<String, NodeScore> byCode(List<NodeScore> nodes) {
		return nodes.stream().collect(Collectors.toMap(NodeScore::code, Function.identity(), (a, b) -> a));
	}

	/** The plan's own wording of a target, when it says more than the number shown. */
	private String wording(IndicatorTarget target) {
		if (target == null || !hasText(target.text())) {
			return null;
		}
		String text = target.text().trim();
		boolean justTheNumber = target.number() != null && (text.equals(fmt.number(target.number()))
				|| text.equals(target.number().toPlainString()) || text.equals(fmt.points(target.number())));
		return justTheNumber ? null : text;
	}

	private static boolean hasText(String text) {
		return text != null && !text.isBlank();
	}

	// --- links (context-relative; the templates add the context path) ---

	static String overviewHref(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}", checkpoint, planId);
	}

	static String objectiveHref(String planId, String objective, String checkpoint) {
		return link("/dashboard/plans/{plan}/objectives/{objective}", checkpoint, planId, objective);
	}

	static String managerHref(String planId, String managerId, String checkpoint) {
		return link("/dashboard/plans/{plan}/managers/{manager}", checkpoint, planId, managerId);
	}

	static String areaHref(String planId, String areaCode, String checkpoint) {
		return link("/dashboard/plans/{plan}/areas/{area}", checkpoint, planId, areaCode);
	}

	static String indicatorHref(String planId, String objective, String indicator, String checkpoint) {
		return link("/dashboard/plans/{plan}/indicators/{objective}/{indicator}", checkpoint, planId, objective,
				indicator);
	}

	static String hrFeedHref(String planId, String checkpoint) {
		return link("/dashboard/plans/{plan}/hr-feed", checkpoint, planId);
	}

	private static String link(String template, String checkpoint, Object... variables) {
		return UriComponentsBuilder.fromPath(template).queryParam("checkpoint", checkpoint).buildAndExpand(variables)
				.encode().toUriString();
	}
}
