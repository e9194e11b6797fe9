package org.cicloperformance.reportingservice.dashboard;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.Achievement;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.cicloperformance.reportingservice.engine.Scorecard;
import org.cicloperformance.reportingservice.score.ScoreDocument;

/**
 * What is still "to be measured" at a checkpoint that is not closed: nothing was posted under it yet. The engine
 * scores such a node at the final checkpoint with the policy's rule "missing = 0" (0,00%, coverage 100%), which
 * is the rule of the closing, not of a year still running: the pages show "Da misurare — nessun dato" instead and
 * leave it out of the trend lines. Once the OIV closes the checkpoint the figures are shown as the rule made them.
 */
final class ToMeasure {

	private final boolean closed;

	private final Set<String> objectivesWithData;

	private final Map<String, NodeScore> strategicAreas;

	private final Map<String, NodeScore> strategicObjectives;

	private final long missingZero;

	private ToMeasure(ScoreDocument document) {
		Scorecard card = document.scorecard();
		this.closed = document.status() == ScoreDocument.Status.FINAL;
		this.objectivesWithData = card.indicators().stream().filter(i -> i.result() != null)
				.map(IndicatorScore::objective).collect(Collectors.toSet());
		this.strategicAreas = PlanContents.byCode(card.strategicAreas());
		this.strategicObjectives = PlanContents.byCode(card.strategicObjectives());
		this.missingZero = card.indicators().stream()
				.filter(i -> i.achievement().status() == Achievement.Status.MISSING_ZERO).count();
	}

	static ToMeasure of(ScoreDocument document) {
		return new ToMeasure(document);
	}

	/** An indicator scored 0 by the final checkpoint's rule while the checkpoint is still open. */
	static boolean indicator(ScoreDocument document, IndicatorScore indicator) {
		return document.status() != ScoreDocument.Status.FINAL && indicator.result() == null
				&& indicator.achievement().status() == Achievement.Status.MISSING_ZERO;
	}

	/**
	 * A node with a score although none of its objectives has a result, on an open checkpoint (a node without a
	 * score is "not measured" already, by the rule of the intermediate checkpoints).
	 */
	boolean node(NodeScore node) {
		return !closed && node != null && node.score() != null && noData(objectivesUnder(node));
	}

	/** None of these objectives has a result yet. */
	boolean noData(Collection<String> objectives) {
		return objectives.stream().noneMatch(objectivesWithData::contains);
	}

	/** Indicators scored 0 for a missing result (final checkpoint): the rule is named on the page. */
	long missingZero() {
		return missingZero;
	}

	boolean closed() {
		return closed;
	}

	private List<String> objectivesUnder(NodeScore node) {
		return switch (node.kind()) {
			case OBJECTIVE -> List.of(node.code());
			case ENTITY -> node.contributions().stream().map(c -> strategicAreas.get(c.code()))
					.filter(java.util.Objects::nonNull).flatMap(a -> objectivesUnder(a).stream()).toList();
			case STRATEGIC_AREA -> node.contributions().stream().map(c -> strategicObjectives.get(c.code()))
					.filter(java.util.Objects::nonNull).flatMap(s -> objectivesUnder(s).stream()).toList();
			case STRATEGIC_OBJECTIVE, MANAGER, ORGANISATIONAL_AREA ->
				node.contributions().stream().map(NodeScore.Contribution::code).toList();
		};
	}
}
