package org.cicloperformance.reportingservice.report;

import static org.cicloperformance.reportingservice.report.ReportText.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.cicloperformance.reportingservice.engine.MeasureKind;
import org.cicloperformance.reportingservice.plan.PlanEvent;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalRow;
import org.cicloperformance.reportingservice.report.MonitoringReport.ProposalTable;
import org.cicloperformance.reportingservice.report.MonitoringReport.WeightChange;
import org.cicloperformance.reportingservice.report.ReportBuilder.Inputs;
import org.cicloperformance.reportingservice.report.ReportBuilder.LaterVersion;
import org.cicloperformance.reportingservice.result.ResultFact;

/**
 * What the revisions after the checkpoint changed in an objective: the managers' proposals made at this
 * monitoring (new targets, added indicators) and the weights they changed.
 */
final class Proposals {

	private final Inputs in;

	private final ReportValues values;

	/** The checkpoint's results by {@code objective/indicator}. */
	private final Map<String, ResultFact> results;

	/** A checkpoint id → its date as the report prints it. */
	private final Function<String, String> checkpointDate;

	Proposals(Inputs in, ReportValues values, Map<String, ResultFact> results,
			Function<String, String> checkpointDate) {
		this.in = in;
		this.values = values;
		this.results = results;
		this.checkpointDate = checkpointDate;
	}

	/**
	 * The proposal tables: for each revision after the checkpoint and each checkpoint it changes, the target at
	 * this checkpoint, the result, the target the revision replaces and the new one.
	 */
	List<ProposalTable> proposals(PlanEvent.OperationalObjective o, List<PlanEvent.Indicator> indicators,
			List<Changed> changes) {
		String current = in.document().checkpoint();
		Map<String, ProposalTable> tables = new LinkedHashMap<>();
		for (Changed changed : changes) {
			PlanEvent.Change change = changed.change();
			boolean added = "INDICATOR_ADDED".equals(change.type());
			if (!added && !"TARGET_CHANGED".equals(change.type())) {
				continue;
			}
			PlanEvent.Indicator indicator = added ? change.indicatorDefinition()
					: indicators.stream().filter(i -> Objects.equals(i.code(), change.indicator())).findFirst()
							.orElse(null);
			if (indicator == null) {
				continue;
			}
			MeasureKind kind = kind(indicator);
			Optional<PlanEvent.Target> replaced = Optional.empty();
			PlanEvent.Target proposed;
			if (added) {
				proposed = list(indicator.targets()).stream().filter(t -> !Objects.equals(current, t.checkpoint()))
						.reduce((first, second) -> second).orElse(null);
			}
			else {
				proposed = change.target();
				replaced = changed.base().flatMap(b -> indicator(b, o.code(), indicator.code()))
						.flatMap(i -> target(i, proposed == null ? null : proposed.checkpoint()));
			}
			String changedAt = proposed == null ? null : proposed.checkpoint();
			ResultFact fact = results.get(ReportBuilder.key(o.code(), indicator.code()));
			ProposalRow row = new ProposalRow(indicator.code(), indicator.name(),
					target(indicator, current).map(t -> values.target(kind, t, indicator)).orElse(NONE),
					fact == null || fact.value() == null ? NONE : values.achieved(kind, fact.value(), indicator),
					replaced.map(t -> values.target(kind, t, indicator)).orElse(NONE),
					proposed == null ? NONE : values.target(kind, proposed, indicator), added, change.reason());
			tables.computeIfAbsent(changed.version() + "#" + changedAt,
					k -> new ProposalTable(changed.version(), checkpointDate.apply(changedAt), new ArrayList<>()))
					.rows().add(row);
		}
		return tables.values().stream().map(t -> new ProposalTable(t.version(), t.changedAt(), List.copyOf(t.rows())))
				.toList();
	}

	List<WeightChange> weightChanges(PlanEvent.OperationalObjective o, List<Changed> changes) {
		return changes.stream().filter(c -> "INDICATOR_WEIGHT_CHANGED".equals(c.change().type())).map(c -> {
			Optional<PlanEvent.Indicator> before = c.base().flatMap(b -> indicator(b, o.code(), c.change().indicator()));
			return new WeightChange(c.version(), c.change().indicator(),
					before.map(PlanEvent.Indicator::name).orElse(null),
					before.map(i -> points(i.weight())).orElse(NONE), points(c.change().weight()), c.change().reason());
		}).toList();
	}

	/** A change of a later revision with the content it was applied to. */
	record Changed(int version, PlanEvent.Change change, Optional<PlanEvent.Content> base) {
	}

	List<Changed> changes(String objective) {
		List<Changed> changes = new ArrayList<>();
		PlanEvent.Content previous = in.content();
		for (LaterVersion later : in.later()) {
			PlanEvent.Revision revision = later.revision();
			if (revision != null) {
				Optional<PlanEvent.Content> base = Optional.of(baseOf(later, previous));
				list(revision.changes()).stream().filter(c -> Objects.equals(objective, c.objective()))
						.forEach(c -> changes.add(new Changed(later.version(), c, base)));
			}
			previous = later.content();
		}
		return changes;
	}

	private PlanEvent.Content baseOf(LaterVersion later, PlanEvent.Content previous) {
		Integer base = later.revision().baseVersion();
		if (base == null) {
			return previous;
		}
		if (base == in.document().scorecard().planVersion()) {
			return in.content();
		}
		return in.later().stream().filter(v -> v.version() == base).map(LaterVersion::content).findFirst()
				.orElse(previous);
	}
}
