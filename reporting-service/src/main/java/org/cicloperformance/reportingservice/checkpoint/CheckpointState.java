package org.cicloperformance.reportingservice.checkpoint;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The OIV validation of one checkpoint of a plan as reporting knows it from {@code checkpoint-events}: one document
 * per plan and checkpoint. Every list is a set of entries made from the events alone ({@code $addToSet}), so a
 * duplicate or a replay adds nothing; the status and the latest entries are derived from them.
 * {@code pendingClosings} are the closings whose final scores are still to be written.
 */
@Document("checkpoints")
public record CheckpointState(@Id String id, String planId, String entity, String checkpoint,
		List<Transition> transitions, List<Submission> submissions, List<VerdictEntry> verdicts,
		List<Closing> closings, List<Reopening> reopenings, List<Integer> pendingClosings) {

	public static final String OPEN = "OPEN";

	public static final String CLOSED = "CLOSED";

	public CheckpointState {
		transitions = transitions == null ? List.of() : List.copyOf(transitions);
		submissions = submissions == null ? List.of() : List.copyOf(submissions);
		verdicts = verdicts == null ? List.of() : List.copyOf(verdicts);
		closings = closings == null ? List.of() : List.copyOf(closings);
		reopenings = reopenings == null ? List.of() : List.copyOf(reopenings);
		pendingClosings = pendingClosings == null ? List.of() : List.copyOf(pendingClosings);
	}

	public static String id(String planId, String checkpoint) {
		return planId + "#" + checkpoint;
	}

	/** An event of the workflow and the status it left the checkpoint in. */
	public record Transition(String eventId, String type, String status, Instant at, String by) {
	}

	/** A manager's submission of their results, with their commentary and the plan-service proposals. */
	public record Submission(String eventId, String manager, String commentary, List<String> proposals, Instant at,
			String by) {
	}

	/** A verdict of the OIV during the review (a later one on the same indicator supersedes it). */
	public record VerdictEntry(String eventId, String objective, String indicator, Integer resultVersion,
			String verdict, BigDecimal adjustedAchievement, String reason, Instant at, String by) {
	}

	/** Closing n with the final verdict of every due indicator. */
	public record Closing(String eventId, int closing, Instant at, String by,
			List<CheckpointEvent.FinalVerdict> verdicts) {
	}

	/** Closing n reopened, with the reason. */
	public record Reopening(String eventId, int closing, String reason, Instant at, String by) {
	}

	/** The status after the latest event ({@code OPEN} before any). */
	public String status() {
		return transitions.stream().max(Comparator.comparing(Transition::at, Comparator.nullsFirst(
				Comparator.naturalOrder()))).map(Transition::status).orElse(OPEN);
	}

	/** The closing in force: the latest one, unless it was reopened. */
	public Optional<Closing> currentClosing() {
		return closings.stream().max(Comparator.comparingInt(Closing::closing)).filter(c -> !reopened(c.closing()));
	}

	public Optional<Closing> closing(int n) {
		return closings.stream().filter(c -> c.closing() == n).findFirst();
	}

	public boolean reopened(int n) {
		return reopenings.stream().anyMatch(r -> r.closing() == n);
	}

	/** The latest verdict on each indicator ({@code objective/indicator}), in the order they were first judged. */
	public Map<String, VerdictEntry> latestVerdicts() {
		Map<String, VerdictEntry> latest = new LinkedHashMap<>();
		verdicts.stream().sorted(Comparator.comparing(VerdictEntry::at, Comparator.nullsFirst(Comparator.naturalOrder())))
				.forEach(v -> latest.put(v.objective() + "/" + v.indicator(), v));
		return latest;
	}

	/** The latest submission of each manager. */
	public Map<String, Submission> latestSubmissions() {
		Map<String, Submission> latest = new LinkedHashMap<>();
		submissions.stream().sorted(Comparator.comparing(Submission::at, Comparator.nullsFirst(Comparator.naturalOrder())))
				.forEach(s -> latest.put(s.manager(), s));
		return latest;
	}
}
