package org.cicloperformance.reportingservice.score.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.reportingservice.result.ResultFact;
import org.cicloperformance.reportingservice.result.ResultFacts;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.score.ScoringService;
import org.cicloperformance.reportingservice.score.ScoresInForce;
import org.cicloperformance.reportingservice.score.web.ScoreViews.ScoresView;
import org.cicloperformance.reportingservice.engine.Decimals;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.security.Access;
import org.cicloperformance.reportingservice.security.PlanScope;
import org.cicloperformance.reportingservice.security.Role;
import org.cicloperformance.reportingservice.web.BadRequestException;
import org.cicloperformance.reportingservice.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The score read model: trees, scorecards, indicator histories and trends, every number with its arithmetic. Each
 * operation first refuses the roles that never read it (403), then answers another entity's plan as one that does
 * not exist (404), then applies the reader's scope (403): see {@link PlanScope}.
 */
@RestController
@RequestMapping("/api")
class ScoreController {

	/** The final scores of a closed checkpoint, the live ones otherwise. */
	private final ScoresInForce scores;

	private final ResultFacts results;

	private final ScoringService scoring;

	private final Access access;

	ScoreController(ScoresInForce scores, ResultFacts results, ScoringService scoring, Access access) {
		this.scores = scores;
		this.results = results;
		this.scoring = scoring;
		this.access = access;
	}

	@GetMapping("/plans/{planId}/checkpoints/{checkpoint}/scores")
	ScoresView tree(@PathVariable String planId, @PathVariable String checkpoint) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER);
		scope(planId, checkpoint).requireOverview();
		return views(planId, checkpoint).tree();
	}

	@GetMapping("/plans/{planId}/checkpoints/{checkpoint}/managers/{managerId}")
	ScoresView manager(@PathVariable String planId, @PathVariable String checkpoint, @PathVariable String managerId) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER, Role.MANAGER);
		scope(planId, checkpoint).requireManager(managerId);
		ScoreViews views = views(planId, checkpoint);
		NodeScore manager = views.scorecard().manager(managerId)
				.orElseThrow(() -> new NotFoundException("notFound.manager", managerId, planId, checkpoint));
		return views.scorecard(manager);
	}

	@GetMapping("/plans/{planId}/checkpoints/{checkpoint}/areas/{areaCode}")
	ScoresView area(@PathVariable String planId, @PathVariable String checkpoint, @PathVariable String areaCode) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER, Role.MANAGER, Role.AREA_OFFICE);
		scope(planId, checkpoint).requireArea(areaCode);
		ScoreViews views = views(planId, checkpoint);
		NodeScore area = views.scorecard().organisationalArea(areaCode)
				.orElseThrow(() -> new NotFoundException("notFound.area", areaCode, planId, checkpoint));
		return views.scorecard(area);
	}

	/** One indicator across checkpoints: the achievement scored now and every result version received. */
	record IndicatorHistory(String planId, String objective, String indicator, List<CheckpointAchievement> checkpoints,
			List<ResultVersion> resultVersions) {
	}

	record CheckpointAchievement(String checkpoint, String checkpointLabel, LocalDate checkpointDate, int planVersion,
			int policyVersion, IndicatorView achievement, String smvpId, Integer smvpVersion) {
	}

	record ResultVersion(String checkpoint, int resultVersion, Integer planVersion, String eventId,
			Instant recordedAt, String reportedBy, String reason, Object value, boolean inUse) {
	}

	@GetMapping("/plans/{planId}/indicators/{objective}/{indicator}")
	IndicatorHistory indicator(@PathVariable String planId, @PathVariable String objective,
			@PathVariable String indicator) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER, Role.MANAGER, Role.AREA_OFFICE);
		access.plan(planId).requireObjective(objective);
		List<ScoreDocument> documents = documents(planId);
		List<CheckpointAchievement> achievements = documents.stream()
				.flatMap(d -> d.scorecard().indicator(objective, indicator).stream()
						.map(i -> new CheckpointAchievement(d.checkpoint(), d.checkpointLabel(), d.checkpointDate(),
								d.scorecard().planVersion(), d.scorecard().policyVersion(), IndicatorView.of(i),
								d.scorecard().smvpId(), d.scorecard().smvpVersion())))
				.toList();
		List<ResultFact> history = results.history(planId, objective, indicator);
		if (achievements.isEmpty() && history.isEmpty()) {
			throw new NotFoundException("notFound.indicator", objective, indicator, planId);
		}
		List<ResultVersion> versions = history.stream().map(f -> new ResultVersion(f.checkpoint(),
				f.resultVersion(), f.planVersion(), f.eventId(), f.recordedAt(), f.reportedBy(), f.reason(), f.value(),
				achievements.stream().anyMatch(a -> a.checkpoint().equals(f.checkpoint())
						&& a.achievement().resultVersion() != null
						&& a.achievement().resultVersion() == f.resultVersion())))
				.toList();
		return new IndicatorHistory(planId, objective, indicator, achievements, versions);
	}

	/** A node's score at each checkpoint, in date order. */
	record Trend(String planId, String node, List<TrendPoint> points) {
	}

	record TrendPoint(String checkpoint, String checkpointLabel, LocalDate checkpointDate, int planVersion,
			String status, BigDecimal score, String scoreText, BigDecimal coverage, String coverageText) {
	}

	@GetMapping("/plans/{planId}/trend")
	Trend trend(@PathVariable String planId, @RequestParam(defaultValue = "entity") String node) {
		access.requireAny(Role.PLANNER, Role.OIV, Role.VIEWER, Role.MANAGER, Role.AREA_OFFICE);
		PlanScope scope = access.plan(planId);
		NodeSelector selector = NodeSelector.parse(node);
		scope.require(scope.node(selector.kind(), selector.code()));
		List<TrendPoint> points = documents(planId).stream().flatMap(d -> selector.select(d.scorecard())
				.map(score -> new TrendPoint(d.checkpoint(), d.checkpointLabel(), d.checkpointDate(),
						d.scorecard().planVersion(), d.status().name(), score.score(),
						score.score() == null ? null : Decimals.percent(score.score()), score.coverage(),
						score.coverage() == null ? null : Decimals.percent(score.coverage())))
				.stream()).toList();
		return new Trend(planId, node, points);
	}

	/** A planner rebuilds the plans of its own entity: one named, or all of them. */
	@PostMapping("/admin/rebuild")
	ScoringService.RebuildReport rebuild(@RequestParam Optional<String> planId) {
		access.requireAny(Role.PLANNER);
		if (planId.isPresent()) {
			access.plan(planId.get());
			return scoring.rebuild(planId);
		}
		List<String> rebuilt = new java.util.ArrayList<>();
		List<String> differing = new java.util.ArrayList<>();
		for (PlanScope plan : access.plans()) {
			ScoringService.RebuildReport report = scoring.rebuild(Optional.of(plan.planId()));
			rebuilt.addAll(report.rebuilt());
			differing.addAll(report.differing());
		}
		return new ScoringService.RebuildReport(rebuilt, differing);
	}

	/** Another entity's plan, or no plan, is the same "no scores at this checkpoint". */
	private PlanScope scope(String planId, String checkpoint) {
		return access.plan(planId, () -> new NotFoundException("notFound.scores", planId, checkpoint)).at(checkpoint);
	}

	private ScoreViews views(String planId, String checkpoint) {
		ScoresInForce.InForce current = scores.inForce(planId, checkpoint)
				.orElseThrow(() -> new NotFoundException("notFound.scores", planId, checkpoint));
		return new ScoreViews(current.document(), current.closing());
	}

	private List<ScoreDocument> documents(String planId) {
		List<ScoreDocument> documents = scores.findAll(planId);
		if (documents.isEmpty()) {
			throw new NotFoundException("notFound.plan", planId);
		}
		return documents;
	}

	/** {@code entity}, {@code objective:2.1.3}, {@code indicator:2.1.3/3}, {@code manager:dazzeo}, … */
	record NodeSelector(String kind, String code) {

		static NodeSelector parse(String node) {
			if ("entity".equals(node)) {
				return new NodeSelector("entity", null);
			}
			int colon = node.indexOf(':');
			String kind = colon < 0 ? "" : node.substring(0, colon);
			if (!List.of("strategic-area", "strategic-objective", "objective", "indicator", "manager", "area")
					.contains(kind) || colon == node.length() - 1) {
				throw new BadRequestException("node", "badRequest.node", node);
			}
			if (kind.equals("indicator") && !node.substring(colon + 1).contains("/")) {
				throw new BadRequestException("node", "badRequest.node", node);
			}
			return new NodeSelector(kind, node.substring(colon + 1));
		}

		/** The node's score and coverage in one scorecard, as a (possibly partial) NodeScore-like pair. */
		Optional<ScorePoint> select(Scorecard card) {
			return switch (kind) {
				case "entity" -> Optional.of(ScorePoint.of(card.entity()));
				case "strategic-area" -> card.strategicArea(code).map(ScorePoint::of);
				case "strategic-objective" -> card.strategicObjective(code).map(ScorePoint::of);
				case "objective" -> card.objective(code).map(ScorePoint::of);
				case "manager" -> card.manager(code).map(ScorePoint::of);
				case "area" -> card.organisationalArea(code).map(ScorePoint::of);
				default -> {
					String[] parts = code.split("/", 2);
					yield card.indicator(parts[0], parts[1]).map(i -> new ScorePoint(i.achievement().value(),
							i.achievement().counts() ? BigDecimal.ONE : BigDecimal.ZERO));
				}
			};
		}
	}

	record ScorePoint(BigDecimal score, BigDecimal coverage) {

		static ScorePoint of(NodeScore node) {
			return new ScorePoint(node.score(), node.coverage());
		}
	}
}
