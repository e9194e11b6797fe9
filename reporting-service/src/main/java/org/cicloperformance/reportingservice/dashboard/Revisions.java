package org.cicloperformance.reportingservice.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.cicloperformance.reportingservice.engine.IndicatorTarget;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.format.Formats;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.plan.PlanVersionFact;
import org.cicloperformance.reportingservice.plan.PlanVersions;
import org.springframework.stereotype.Component;

/** The plan revisions that touched an indicator, each with the target (or weight) before and after. */
@Component
class Revisions {

	private final PlanVersions plans;

	private final Display display;

	private final Formats fmt;

	Revisions(PlanVersions plans, Display display, Formats fmt) {
		this.plans = plans;
		this.display = display;
		this.fmt = fmt;
	}

	/** {@code labels}: checkpoint id → label, for the checkpoints a change names. */
	List<Pages.RevisionRow> of(String planId, String objective, String indicator, MeasureKind kind, String unit,
			Map<String, String> labels) {
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
					.findFirst().flatMap(v -> PlanContents.indicator(plans.content(v), objective, indicator));
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

	/** The indicator as the newest version that has it defines it (an indicator the selected version lacks). */
	Optional<PlanEvent.Indicator> latestDefinition(String planId, String objective, String indicator) {
		List<PlanVersionFact> versions = plans.versions(planId);
		for (int i = versions.size() - 1; i >= 0; i--) {
			Optional<PlanEvent.Indicator> found = PlanContents.indicator(plans.content(versions.get(i)), objective,
					indicator);
			if (found.isPresent()) {
				return found;
			}
		}
		return Optional.empty();
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
						.findFirst().map(Revisions::toTarget);
	}

	private static IndicatorTarget toTarget(PlanEvent.Target t) {
		return new IndicatorTarget(t.number(), t.yes(), t.milestones(),
				t.components() == null ? null : t.components().entrySet().stream().filter(e -> e.getValue() != null)
						.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
				t.text());
	}
}
