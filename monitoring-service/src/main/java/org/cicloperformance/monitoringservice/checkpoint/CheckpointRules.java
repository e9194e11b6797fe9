package org.cicloperformance.monitoringservice.checkpoint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.cicloperformance.monitoringservice.checkpoint.CheckpointDocument.VerdictEntry;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.refusal.Violation;

/** The workflow's rules, plain Java: which indicators are due, whose submissions are awaited, what closing needs. */
final class CheckpointRules {

	private CheckpointRules() {
	}

	/** An indicator with a target at the checkpoint in the plan version in force. */
	public record DueIndicator(String objective, String indicator, String manager, String organisationalArea) {

		String key() {
			return keyOf(objective, indicator);
		}
	}

	static String keyOf(String objective, String indicator) {
		return objective + "|" + indicator;
	}

	public static List<DueIndicator> due(PlanSnapshot plan, String checkpoint) {
		List<DueIndicator> due = new ArrayList<>();
		plan.objectives().forEach(o -> o.indicators().stream().filter(i -> i.target(checkpoint).isPresent())
				.forEach(i -> due.add(new DueIndicator(o.code(), i.code(), o.manager(), o.organisationalArea()))));
		return due;
	}

	/** The managers who own an objective with an indicator due: each must submit. */
	public static Set<String> managersDue(List<DueIndicator> due) {
		Set<String> managers = new TreeSet<>();
		due.stream().map(DueIndicator::manager).filter(m -> m != null && !m.isBlank()).forEach(managers::add);
		return managers;
	}

	/** A verdict counts while it judges the indicator's latest result version (a correction voids it). */
	public static boolean counts(VerdictEntry verdict, Integer latestResultVersion) {
		return verdict != null && latestResultVersion != null && verdict.resultVersion() == latestResultVersion;
	}

	/**
	 * Why the checkpoint cannot close: for each due indicator without a counting VALIDATED or ADJUSTED verdict, one
	 * violation ({@code verdict-missing}, {@code verdict-rejected} or {@code verdict-outdated}) pointing at it.
	 */
	public static List<Violation> missingForClosing(List<DueIndicator> due, Map<String, Integer> latestVersions,
			CheckpointDocument document) {
		List<Violation> missing = new ArrayList<>();
		for (DueIndicator d : due) {
			Integer latest = latestVersions.get(d.key());
			Optional<VerdictEntry> verdict = document.currentVerdict(d.objective(), d.indicator());
			String pointer = "/indicators/" + Violation.escape(d.objective()) + "/" + Violation.escape(d.indicator());
			if (verdict.isEmpty()) {
				missing.add(Violation.of(pointer, "verdict-missing", d.objective(), d.indicator()));
			}
			else if (!counts(verdict.get(), latest)) {
				missing.add(Violation.of(pointer, "verdict-outdated", d.objective(), d.indicator(),
						verdict.get().resultVersion(), latest));
			}
			else if (!verdict.get().verdict().accepts()) {
				missing.add(Violation.of(pointer, "verdict-rejected", d.objective(), d.indicator()));
			}
		}
		return missing;
	}
}
