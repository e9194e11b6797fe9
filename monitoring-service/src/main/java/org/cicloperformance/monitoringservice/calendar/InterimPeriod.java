package org.cicloperformance.monitoringservice.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.CheckpointDef;

/**
 * An optional interim period of a checkpoint's calendar (e.g. 31/3 before 30/6): a date between the previous
 * checkpoint and this one at which the listed indicators are reported, so that a body follows them more often.
 * Policy (docs/monitoring.md): interim results are monitored, never scored; they open and close no checkpoint. A
 * result names the period by its date, ISO ({@link #id()}), in its {@code checkpoint} field. {@code opensOn} and
 * {@code closesOn} (optional) are its data-entry window, as a checkpoint's.
 */
public record InterimPeriod(LocalDate date, List<IndicatorRef> indicators, LocalDate opensOn, LocalDate closesOn) {

	/** One indicator followed at the period. */
	public record IndicatorRef(String objective, String indicator) {
	}

	/** What a result names the period by in its {@code checkpoint} field: the date, e.g. {@code 2018-09-30}. */
	public String id() {
		return date.toString();
	}

	/** Whether the indicator is one of those followed at this period. */
	public boolean lists(String objective, String indicator) {
		return indicators != null && indicators.stream().filter(Objects::nonNull)
				.anyMatch(i -> Objects.equals(i.objective(), objective) && Objects.equals(i.indicator(), indicator));
	}

	/**
	 * The checkpoint of the plan whose span holds {@code date}: the first one dated after it. The calendar of that
	 * checkpoint is where an interim period at {@code date} is set, so each date belongs to one calendar only.
	 * Empty when no checkpoint follows the date.
	 */
	static Optional<CheckpointDef> checkpointAfter(PlanSnapshot plan, LocalDate date) {
		return plan.checkpoints().stream().filter(c -> dateOf(c) != null && dateOf(c).isAfter(date))
				.min(Comparator.comparing(InterimPeriod::dateOf));
	}

	/** The checkpoint before {@code checkpoint} in the plan (the span's start), if any. */
	static Optional<CheckpointDef> checkpointBefore(PlanSnapshot plan, LocalDate date) {
		return plan.checkpoints().stream().filter(c -> dateOf(c) != null && dateOf(c).isBefore(date))
				.max(Comparator.comparing(InterimPeriod::dateOf));
	}

	static LocalDate dateOf(CheckpointDef checkpoint) {
		return checkpoint.date() != null ? checkpoint.date() : parse(checkpoint.id()).orElse(null);
	}

	/** The date a {@code checkpoint} field names, when it is an ISO date. */
	static Optional<LocalDate> parse(String text) {
		if (text == null || text.length() != 10) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDate.parse(text));
		}
		catch (DateTimeParseException e) {
			return Optional.empty();
		}
	}
}
