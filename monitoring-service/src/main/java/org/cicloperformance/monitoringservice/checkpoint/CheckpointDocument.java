package org.cicloperformance.monitoringservice.checkpoint;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.cicloperformance.monitoringservice.outbox.OutboxEntry;

/**
 * A document of collection {@code checkpoints}: the workflow state of one plan's checkpoint. Submissions, verdicts
 * and transitions are append-only (the current submission of a manager, the current verdict of an indicator are the
 * last ones); {@code revision} guards every update, which also pushes its event to {@code outbox}.
 */
record CheckpointDocument(@JsonProperty("_id") String id, String planId, String entity, String checkpoint,
		CheckpointStatus status, long revision, int closing, List<Submission> submissions, List<VerdictEntry> verdicts,
		List<Transition> history, List<OutboxEntry> outbox) {

	public CheckpointDocument {
		status = status == null ? CheckpointStatus.OPEN : status;
		submissions = submissions == null ? List.of() : List.copyOf(submissions);
		verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
		history = history == null ? List.of() : List.copyOf(history);
		outbox = outbox == null ? List.of() : List.copyOf(outbox);
	}

	public static String idOf(String planId, String checkpoint) {
		return planId + "|" + checkpoint;
	}

	/** A checkpoint nobody has acted on yet: OPEN, revision 0, not stored. */
	static CheckpointDocument open(String planId, String entity, String checkpoint) {
		return new CheckpointDocument(idOf(planId, checkpoint), planId, entity, checkpoint, CheckpointStatus.OPEN, 0, 0,
				null, null, null, null);
	}

	/** The latest submission of each manager. */
	public Map<String, Submission> currentSubmissions() {
		Map<String, Submission> current = new LinkedHashMap<>();
		submissions.forEach(s -> current.put(s.manager(), s));
		return current;
	}

	/** The current verdict of one indicator: the last one recorded. */
	public Optional<VerdictEntry> currentVerdict(String objective, String indicator) {
		VerdictEntry last = null;
		for (VerdictEntry v : verdicts) {
			if (v.objective().equals(objective) && v.indicator().equals(indicator)) {
				last = v;
			}
		}
		return Optional.ofNullable(last);
	}

	/** The current verdict of each indicator judged, by objective then indicator. */
	public List<VerdictEntry> currentVerdicts() {
		Map<String, VerdictEntry> current = new LinkedHashMap<>();
		verdicts.forEach(v -> current.put(v.objective() + "|" + v.indicator(), v));
		return current.values().stream()
				.sorted(Comparator.comparing(VerdictEntry::objective).thenComparing(VerdictEntry::indicator)).toList();
	}

	/** A manager's submission: the commentary on the results of their objectives and their change proposals. */
	public record Submission(String manager, String by, Instant at, String commentary, List<String> proposals) {

		public Submission {
			proposals = proposals == null ? List.of() : List.copyOf(proposals);
		}
	}

	/**
	 * The OIV's verdict on one version of an indicator's result. {@code adjustedAchievement} (0–1) only for ADJUSTED:
	 * the self-reported result stays as it was.
	 */
	public record VerdictEntry(String objective, String indicator, int resultVersion, Verdict verdict,
			BigDecimal adjustedAchievement, String reason, String by, Instant at) {
	}

	/** A change of status: who, when, why (reopening), and the closing number it made or reopened. */
	public record Transition(CheckpointStatus from, CheckpointStatus to, String by, Instant at, String reason,
			Integer closing) {
	}
}
