package org.cicloperformance.monitoringservice.calendar;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.cicloperformance.monitoringservice.calendar.CalendarRequest.Assignment;
import org.cicloperformance.monitoringservice.calendar.CalendarRequest.OfficeContact;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.refusal.InputBounds;
import org.cicloperformance.monitoringservice.refusal.Violation;

/**
 * What a calendar must be, plain Java. Every violation names its field (a JSON pointer) and its reason; all of them
 * are reported together. The bounds are far beyond a real body's calendar.
 */
final class CalendarRules {

	/** Offices with an address: an entity has a few dozen. */
	static final int MAX_OFFICES = InputBounds.MAX_ITEMS;

	/** Indicators assigned to another office or a named user: a large plan has a few hundred indicators. */
	static final int MAX_ASSIGNMENTS = InputBounds.MAX_BATCH;

	/** Reminder steps: one a day for three weeks is already more than any office wants. */
	static final int MAX_REMINDER_DAYS = 20;

	/** A reminder at most this many days before or after the closing date. */
	static final int MAX_REMINDER_OFFSET = 120;

	static final int MAX_NOTE = 2_000;

	/** RFC 5321's limit of a path; the shape check is deliberately loose (the relay judges the rest). */
	static final int MAX_EMAIL = 254;

	private static final Pattern EMAIL = Pattern.compile("^[^@\\s<>,;\"]+@[^@\\s<>,;\"]+\\.[^@\\s<>,;\"]+$");

	private CalendarRules() {
	}

	static List<Violation> check(CalendarRequest r, PlanSnapshot plan, String checkpoint, int planYear) {
		List<Violation> v = new ArrayList<>();
		dates(v, r, planYear);
		InputBounds.check(v, InputBounds.text("/note", r.note(), MAX_NOTE));
		if (r.language() != null && !List.of("it", "en").contains(r.language())) {
			v.add(Violation.of("/language", "calendar-language"));
		}
		email(v, "/plannerEmail", r.plannerEmail());
		offices(v, r.offices());
		assignments(v, r.assignments(), plan);
		reminderDays(v, r.reminderDays());
		InterimRules.check(v, r.interimPeriods(), plan, checkpoint, planYear);
		return v;
	}

	private static void dates(List<Violation> v, CalendarRequest r, int year) {
		if (r.opensOn() == null) {
			v.add(Violation.of("/opensOn", "required"));
		}
		if (r.closesOn() == null) {
			v.add(Violation.of("/closesOn", "required"));
		}
		withinYears(v, "/opensOn", r.opensOn(), year);
		withinYears(v, "/closesOn", r.closesOn(), year);
		if (r.opensOn() != null && r.closesOn() != null && !r.closesOn().isAfter(r.opensOn())) {
			v.add(Violation.of("/closesOn", "calendar-closes-before-opening", r.closesOn(), r.opensOn()));
		}
	}

	/** A checkpoint's data entry happens in the plan's year, or in the next for the year-end checkpoint. */
	private static void withinYears(List<Violation> v, String pointer, LocalDate date, int year) {
		if (date != null && (date.getYear() < year - 1 || date.getYear() > year + 1)) {
			v.add(Violation.of(pointer, "calendar-date-out-of-range", date, String.valueOf(year - 1),
					String.valueOf(year + 1)));
		}
	}

	private static void email(List<Violation> v, String pointer, String email) {
		if (email == null) {
			return;
		}
		if (email.length() > MAX_EMAIL) {
			v.add(Violation.of(pointer, "text-too-long", MAX_EMAIL));
		}
		else if (!EMAIL.matcher(email).matches()) {
			v.add(Violation.of(pointer, "email-invalid"));
		}
	}

	private static void offices(List<Violation> v, List<OfficeContact> offices) {
		if (offices == null) {
			return;
		}
		if (offices.size() > MAX_OFFICES) {
			v.add(Violation.of("/offices", "too-many-items", MAX_OFFICES));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < offices.size(); i++) {
			String at = "/offices/" + i;
			OfficeContact o = offices.get(i);
			if (o == null) {
				v.add(Violation.of(at, "required"));
				continue;
			}
			if (blank(o.office())) {
				v.add(Violation.of(at + "/office", "required"));
			}
			else if (InputBounds.code(at + "/office", o.office()).map(v::add).isEmpty() && !seen.add(o.office())) {
				v.add(Violation.of(at + "/office", "calendar-duplicate", o.office()));
			}
			InputBounds.check(v, InputBounds.text(at + "/name", o.name(), InputBounds.MAX_CODE));
			if (blank(o.email())) {
				v.add(Violation.of(at + "/email", "required"));
			}
			else {
				email(v, at + "/email", o.email());
			}
		}
	}

	private static void assignments(List<Violation> v, List<Assignment> assignments, PlanSnapshot plan) {
		if (assignments == null) {
			return;
		}
		if (assignments.size() > MAX_ASSIGNMENTS) {
			v.add(Violation.of("/assignments", "too-many-items", MAX_ASSIGNMENTS));
			return;
		}
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < assignments.size(); i++) {
			String at = "/assignments/" + i;
			Assignment a = assignments.get(i);
			if (a == null) {
				v.add(Violation.of(at, "required"));
				continue;
			}
			int before = v.size();
			for (String[] field : new String[][] { { "objective", a.objective() }, { "indicator", a.indicator() },
					{ "office", a.office() }, { "user", a.user() } }) {
				InputBounds.check(v, InputBounds.code(at + "/" + field[0], field[1]));
			}
			if (blank(a.objective())) {
				v.add(Violation.of(at + "/objective", "required"));
			}
			if (blank(a.indicator())) {
				v.add(Violation.of(at + "/indicator", "required"));
			}
			if (blank(a.office()) && blank(a.user())) {
				v.add(Violation.of(at + "/office", "calendar-assignment-empty"));
			}
			if (v.size() > before) {
				continue;
			}
			Objective objective = plan.objective(a.objective()).orElse(null);
			if (objective == null) {
				v.add(Violation.of(at + "/objective", "calendar-objective-unknown", a.objective()));
			}
			else if (objective.indicator(a.indicator()).isEmpty()) {
				v.add(Violation.of(at + "/indicator", "calendar-indicator-unknown", a.indicator(), a.objective()));
			}
			else if (!seen.add(a.objective() + "|" + a.indicator())) {
				v.add(Violation.of(at, "calendar-duplicate", a.objective() + "/" + a.indicator()));
			}
		}
	}

	private static void reminderDays(List<Violation> v, List<Integer> days) {
		if (days == null) {
			return;
		}
		if (days.size() > MAX_REMINDER_DAYS) {
			v.add(Violation.of("/reminderDays", "too-many-items", MAX_REMINDER_DAYS));
			return;
		}
		Set<Integer> seen = new HashSet<>();
		for (int i = 0; i < days.size(); i++) {
			Integer day = days.get(i);
			String at = "/reminderDays/" + i;
			if (day == null) {
				v.add(Violation.of(at, "required"));
			}
			else if (Math.abs(day) > MAX_REMINDER_OFFSET) {
				v.add(Violation.of(at, "calendar-reminder-day-out-of-range", day, MAX_REMINDER_OFFSET));
			}
			else if (!seen.add(day)) {
				v.add(Violation.of(at, "calendar-duplicate", day));
			}
		}
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}
}
