package org.cicloperformance.monitoringservice.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cicloperformance.monitoringservice.calendar.CalendarView.Responsibility;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.refusal.ConcurrentUpdateException;
import org.cicloperformance.monitoringservice.refusal.RefusedException;
import org.cicloperformance.monitoringservice.refusal.Violation;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/** Setting and reading the reporting calendars of the caller's entity. */
@Service
public class Calendars {

	private static final int MAX_ATTEMPTS = 10;

	private final CalendarStore store;

	private final PlanInForce plans;

	private final ReportingClock clock;

	Calendars(CalendarStore store, PlanInForce plans, ReportingClock clock) {
		this.store = store;
		this.plans = plans;
		this.clock = clock;
	}

	/** Replaces the calendar of the checkpoint (creates it the first time) once the request is valid. */
	public CalendarView put(Actor actor, String planId, String checkpoint, CalendarRequest request) {
		PlanVersion plan = plans.resolve(actor.entity(), planId, checkpoint);
		if (request == null) {
			throw new RefusedException(Violation.of("", "required"));
		}
		int year = plan.year() != null ? plan.year()
				: plan.content().year() != null ? plan.content().year() : clock.today().getYear();
		List<Violation> violations = CalendarRules.check(request, plan.content(), checkpoint, year);
		if (!violations.isEmpty()) {
			throw new RefusedException(violations, "invalid-calendar");
		}
		for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
			int revision = store.find(planId, checkpoint).map(ReportingCalendar::revision).orElse(0) + 1;
			ReportingCalendar next = new ReportingCalendar(ReportingCalendar.idOf(planId, checkpoint), planId,
					plan.owner(), checkpoint, request.opensOn(), request.closesOn(), request.note(), request.language(),
					request.offices(), request.assignments(), request.reminderDays(), request.plannerEmail(),
					request.interimPeriods(), revision,
					clock.now(), actor.username());
			if (store.replace(next)) {
				return view(next, plan);
			}
		}
		throw new ConcurrentUpdateException(ReportingCalendar.idOf(planId, checkpoint));
	}

	/** The calendar with every indicator's office; 404 {@code calendar-unknown} when none is set. */
	public CalendarView get(Actor actor, String planId, String checkpoint) {
		PlanVersion plan = plans.resolve(actor.entity(), planId, checkpoint);
		ReportingCalendar calendar = find(plan.owner(), planId, checkpoint)
				.orElseThrow(() -> new RefusedException(Violation.of("", "calendar-unknown", planId, checkpoint)));
		return view(calendar, plan);
	}

	/** The calendar of the checkpoint, when set and of {@code entity}. */
	public Optional<ReportingCalendar> find(String entity, String planId, String checkpoint) {
		return store.find(planId, checkpoint).filter(c -> entity != null && entity.equals(c.entity()));
	}

	/** An interim period and the checkpoint whose calendar sets it (the one whose span holds its date). */
	public record Interim(String checkpoint, InterimPeriod period) {
	}

	/**
	 * The interim period that a result's {@code checkpoint} names in the entity's plan: an ISO date, set as an
	 * interim period by the calendar of the checkpoint whose span holds it. Empty otherwise (one read at most).
	 */
	public Optional<Interim> interim(String entity, String planId, PlanSnapshot plan, String checkpoint) {
		if (plan == null || planId == null) {
			return Optional.empty();
		}
		return InterimPeriod.parse(checkpoint).flatMap(date -> InterimPeriod.checkpointAfter(plan, date)
				.flatMap(scored -> find(entity, planId, scored.id())
						.flatMap(calendar -> calendar.interimPeriod(date))
						.map(period -> new Interim(scored.id(), period))));
	}

	/**
	 * The interim period {@code checkpoint} names in the entity's plan, when it is no checkpoint of the plan's latest
	 * version (the board of an interim period).
	 */
	public Optional<Interim> interim(String entity, String planId, String checkpoint) {
		return plans.latest(entity, planId).map(PlanVersion::content)
				.filter(content -> checkpoint != null && !content.hasCheckpoint(checkpoint))
				.flatMap(content -> interim(entity, planId, content, checkpoint));
	}

	/** Every calendar of every entity: the reminders' round. */
	public List<ReportingCalendar> all() {
		return store.all();
	}

	private static CalendarView view(ReportingCalendar calendar, PlanVersion plan) {
		List<Responsibility> responsibilities = new ArrayList<>();
		plan.content().objectives().forEach(o -> o.indicators().forEach(i -> {
			String office = calendar.officeOf(o.code(), i.code(), o.organisationalArea());
			boolean assigned = office != null && !office.equals(o.organisationalArea());
			String user = calendar.userOf(o.code(), i.code());
			responsibilities.add(new Responsibility(o.code(), i.code(), i.name(), o.organisationalArea(), o.manager(),
					office, user, assigned || user != null ? "assignment" : "area",
					i.target(calendar.checkpoint()).isPresent()));
		}));
		return new CalendarView(calendar, plan.version(), responsibilities);
	}
}
