package org.cicloperformance.reportingservice.score.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.score.ScoreDocument;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.NodeScore.Contribution;
import org.cicloperformance.reportingservice.engine.Scorecard;

/** Builds the nested views from a score document: the tree follows the contributions of each node. */
final class ScoreViews {

	/**
	 * The header every score view carries: which plan version, policy version and status the scores are;
	 * {@code closing} is the OIV's closing the {@code FINAL} scores belong to (null for {@code PROVISIONAL} ones);
	 * {@code smvpId} / {@code smvpVersion} the SMVP version that produced them (null: the plan's own policy).
	 */
	record ScoresView(String planId, String checkpoint, String checkpointLabel, LocalDate checkpointDate,
			boolean finalCheckpoint, String status, int planVersion, int policyVersion, long revision,
			Instant computedAt, NodeView node, Integer closing, String smvpId, Integer smvpVersion) {
	}

	private final ScoreDocument document;

	private final Integer closing;

	private final Map<String, NodeScore> strategicObjectives;

	private final Map<String, NodeScore> strategicAreas;

	private final Map<String, NodeScore> objectives;

	private final Map<String, List<IndicatorScore>> indicators;

	ScoreViews(ScoreDocument document) {
		this(document, null);
	}

	ScoreViews(ScoreDocument document, Integer closing) {
		this.document = document;
		this.closing = closing;
		Scorecard card = document.scorecard();
		strategicAreas = byCode(card.strategicAreas());
		strategicObjectives = byCode(card.strategicObjectives());
		objectives = byCode(card.objectives());
		indicators = card.indicators().stream().collect(Collectors.groupingBy(IndicatorScore::objective));
	}

	ScoresView tree() {
		NodeScore entity = document.scorecard().entity();
		return wrap(NodeView.of(entity, null, children(entity, strategicAreas, this::strategicArea), List.of()));
	}

	ScoresView scorecard(NodeScore managerOrArea) {
		return wrap(NodeView.of(managerOrArea, null, children(managerOrArea, objectives, this::objective), List.of()));
	}

	private NodeView strategicArea(NodeScore area, BigDecimal weight) {
		return NodeView.of(area, weight, children(area, strategicObjectives, this::strategicObjective), List.of());
	}

	private NodeView strategicObjective(NodeScore strategic, BigDecimal weight) {
		return NodeView.of(strategic, weight, children(strategic, objectives, this::objective), List.of());
	}

	private NodeView objective(NodeScore objective, BigDecimal weight) {
		return NodeView.of(objective, weight, List.of(),
				indicators.getOrDefault(objective.code(), List.of()).stream().map(IndicatorView::of).toList());
	}

	private static List<NodeView> children(NodeScore parent, Map<String, NodeScore> level,
			java.util.function.BiFunction<NodeScore, BigDecimal, NodeView> view) {
		return parent.contributions().stream().filter(c -> level.containsKey(c.code()))
				.map((Contribution c) -> view.apply(level.get(c.code()), c.weight())).toList();
	}

	private ScoresView wrap(NodeView node) {
		Scorecard card = document.scorecard();
		return new ScoresView(document.planId(), document.checkpoint(), document.checkpointLabel(),
				document.checkpointDate(), document.finalCheckpoint(), document.status().name(), card.planVersion(),
				card.policyVersion(), document.revision(), document.computedAt(), node, closing, card.smvpId(),
				card.smvpVersion());
	}

	Scorecard scorecard() {
		return document.scorecard();
	}

	private static Map<String, NodeScore> byCode(List<NodeScore> nodes) {
		return nodes.stream().collect(Collectors.toMap(NodeScore::code, Function.identity(), (a, b) -> a));
	}
}
