package org.cicloperformance.monitoringservice.checkpoint;

import java.math.BigDecimal;
import java.util.List;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Submission;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.Transition;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;

/**
 * A checkpoint as the API shows it: its state, the managers due and those still to submit, their latest
 * submissions, each due indicator with its latest result version and current verdict (and whether that verdict
 * still counts), every verdict ever recorded and the transitions.
 */
public record CheckpointView(String planId, String checkpoint, int planVersion, CheckpointStatus status, int closing,
		long revision, List<String> managersDue, List<String> managersPending, List<Submission> submissions,
		List<IndicatorState> indicators, List<VerdictEntry> verdictHistory, List<Transition> history) {

	public record IndicatorState(String objective, String indicator, String manager, String organisationalArea,
			Integer resultVersion, Verdict verdict, BigDecimal adjustedAchievement, String reason,
			Integer verdictOnVersion, boolean verdictCounts) {
	}
}
