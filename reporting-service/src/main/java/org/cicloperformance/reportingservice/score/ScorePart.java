package org.cicloperformance.reportingservice.score;

import java.util.List;
import org.cicloperformance.reportingservice.engine.IndicatorScore;
import org.cicloperformance.reportingservice.engine.NodeScore;
import org.springframework.data.annotation.Id;

/**
 * One operational objective of a plan at a checkpoint, as one write left it: its score and its indicators'. Write
 * once: a change writes a new part (id {@code plan#checkpoint#objective#revision.writer}) that the next
 * {@link ScoreSummary} names, and the part it replaces is removed after the summary.
 */
record ScorePart(@Id String id, String kind, String planId, String checkpoint, NodeScore objective,
		List<IndicatorScore> indicators) {

	static final String KIND = "part";

	ScorePart {
		indicators = indicators == null ? List.of() : List.copyOf(indicators);
	}
}
