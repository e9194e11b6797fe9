package org.cicloperformance.monitoringservice.calendar;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.cicloperformance.monitoringservice.calendar.InterimPeriod.IndicatorRef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * What the interim periods of a checkpoint's calendar must be, plain Java, every violation named by its JSON pointer.
 * A period lies in the checkpoint's span (after the previous checkpoint, before this one, inside the plan's year), so
 * never on a scored checkpoint's date and each date in one calendar only; the periods are strictly increasing; each
 * lists at least one indicator of the plan version in force, once.
 */
final class InterimRules {

	/** Monthly is the most often a body follows an indicator: twelve periods at most, in the year. */
	static final int MAX_PERIODS = 12;

	/** Indicators listed by one period: never more than the plan has, and a large plan has a few hundred. */
	static final int MAX_INDICATORS = InputBounds.MAX_BATCH;

	private InterimRules() {
	}

	static void check(List<Violation> v, List<InterimPeriod> periods, PlanSnapshot plan, String checkpoint,
			int year) {
		if (periods == null) {
			return;
		}
		if (periods.size() > MAX_PERIODS) {
			v.add(Violation.of("/interimPeriods", "too-many-items", MAX_PERIODS));
			return;
		}
		Set<LocalDate> checkpointDates = plan.checkpoints().stream().map(InterimPeriod::dateOf)
				.filter(Objects::nonNull).collect(Collectors.toSet());
		LocalDate end = plan.checkpoints().stream().filter(c -> Objects.equals(checkpoint, c.id())).findFirst()
				.map(InterimPeriod::dateOf).orElse(null);
		// the span, both ends excluded: after the previous checkpoint (or the year's start), before this one
		LocalDate yearBefore = LocalDate.of(year - 1, 12, 31);
		LocalDate lower = end == null ? yearBefore : InterimPeriod.checkpointBefore(plan, end)
				.map(InterimPeriod::dateOf).filter(d -> d.isAfter(yearBefore)).orElse(yearBefore);
		LocalDate upper = end == null || end.getYear() > year ? LocalDate.of(year + 1, 1, 1) : end;
		LocalDate previous = null;
		for (int i = 0; i < periods.size(); i++) {
			String at = "/interimPeriods/" + i;
			InterimPeriod p = periods.get(i);
			if (p == null) {
				v.add(Violation.of(at, "required"));
				continue;
			}
			LocalDate date = p.date();
			if (date == null) {
				v.add(Violation.of(at + "/date", "required"));
			}
			else if (checkpointDates.contains(date)) {
				v.add(Violation.of(at + "/date", "calendar-interim-on-checkpoint", date));
			}
			else if (!date.isAfter(lower) || !date.isBefore(upper)) {
				v.add(Violation.of(at + "/date", "calendar-interim-outside-span", date, lower, upper, checkpoint));
			}
			else if (previous != null && date.equals(previous)) {
				v.add(Violation.of(at + "/date", "calendar-duplicate", date));
			}
			else if (previous != null && date.isBefore(previous)) {
				v.add(Violation.of(at + "/date", "calendar-interim-not-increasing", date, previous));
			}
			if (date != null) {
				previous = date;
			}
			window(v, at, p, year);
			indicators(v, at + "/indicators", p.indicators(), plan);
		}
	}

	private static void window(List<Violation> v, String at, InterimPeriod p, int year) {
		outOfYears(v, at + "/opensOn", p.opensOn(), year);
		outOfYears(v, at + "/closesOn", p.closesOn(), year);
		if (p.opensOn() != null && p.closesOn() != null && !p.closesOn().isAfter(p.opensOn())) {
			v.add(Violation.of(at + "/closesOn", "calendar-closes-before-opening", p.closesOn(), p.opensOn()));
		}
		else if (p.closesOn() != null && p.date() != null && p.closesOn().isBefore(p.date())) {
			v.add(Violation.of(at + "/closesOn", "calendar-interim-closes-before-date", p.closesOn(), p.date()));
		}
	}

	/** The window's dates, as a checkpoint's: in the plan's year or the years either side. */
	private static void outOfYears(List<Violation> v, String pointer, LocalDate date, int year) {
		if (date != null && (date.getYear() < year - 1 || date.getYear() > year + 1)) {
			v.add(Violation.of(pointer, "calendar-date-out-of-range", date, String.valueOf(year - 1),
					String.valueOf(year + 1)));
		}
	}

	private static void indicators(List<Violation> v, String at, List<IndicatorRef> refs, PlanSnapshot plan) {
		if (refs == null || refs.isEmpty()) {
			v.add(Violation.of(at, "required"));
			return;
		}
		if (refs.size() > MAX_INDICATORS) {
			v.add(Violation.of(at, "too-many-items", MAX_INDICATORS));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int j = 0; j < refs.size(); j++) {
			String here = at + "/" + j;
			IndicatorRef ref = refs.get(j);
			if (ref == null) {
				v.add(Violation.of(here, "required"));
				continue;
			}
			int before = v.size();
			InputBounds.check(v, InputBounds.code(here + "/objective", ref.objective()));
			InputBounds.check(v, InputBounds.code(here + "/indicator", ref.indicator()));
			if (blank(ref.objective())) {
				v.add(Violation.of(here + "/objective", "required"));
			}
			if (blank(ref.indicator())) {
				v.add(Violation.of(here + "/indicator", "required"));
			}
			if (v.size() > before) {
				continue;
			}
			Objective objective = plan.objective(ref.objective()).orElse(null);
			if (objective == null) {
				v.add(Violation.of(here + "/objective", "calendar-objective-unknown", ref.objective()));
			}
			else if (objective.indicator(ref.indicator()).isEmpty()) {
				v.add(Violation.of(here + "/indicator", "calendar-indicator-unknown", ref.indicator(),
						ref.objective()));
			}
			else if (!seen.add(ref.objective() + "|" + ref.indicator())) {
				v.add(Violation.of(here, "calendar-duplicate", ref.objective() + "/" + ref.indicator()));
			}
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
