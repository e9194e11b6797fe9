package org.cicloperformance.monitoringservice.completion;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiPredicate;
import java.util.TreeMap;
import java.util.function.Function;
import org.cicloperformance.monitoringservice.calendar.Calendars;
import org.cicloperformance.monitoringservice.calendar.InterimPeriod;
import org.cicloperformance.monitoringservice.calendar.PlanInForce;
import org.cicloperformance.monitoringservice.calendar.ReportingCalendar;
import org.cicloperformance.monitoringservice.calendar.ReportingClock;
import org.cicloperformance.monitoringservice.completion.CompletionView.Counts;
import org.cicloperformance.monitoringservice.completion.CompletionView.Group;
import org.cicloperformance.monitoringservice.completion.CompletionView.IndicatorCompletion;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.IndicatorDef;
import org.cicloperformance.monitoringservice.plan.PlanSnapshot.Objective;
import org.cicloperformance.monitoringservice.plan.PlanVersion;
import org.cicloperformance.monitoringservice.result.RecordedResult;
import org.cicloperformance.monitoringservice.result.ResultService;
import org.cicloperformance.monitoringservice.security.Actor;
import org.springframework.stereotype.Service;

/**
 * Which indicators of a checkpoint are due, posted, missing or late, as of the reporting clock. An indicator counts
 * as posted from its result's first version: moving the demo clock before the results were loaded shows what was
 * missing then.
 */
@Service
public class CompletionBoard {

	private final PlanInForce plans;

	private final Calendars calendars;

	private final ResultService results;

	private final ReportingClock clock;

	CompletionBoard(PlanInForce plans, Calendars calendars, ResultService results, ReportingClock clock) {
		this.plans = plans;
		this.calendars = calendars;
		this.results = results;
		this.clock = clock;
	}

	public CompletionView view(Actor actor, String planId, String checkpoint) {
		return of(actor.entity(), planId, checkpoint);
	}

	/**
	 * The board of the entity's checkpoint now (refused as the API refuses: unknown plan, checkpoint…). An interim
	 * period of the calendar (its date as {@code checkpoint}) has a board too: its listed indicators are due.
	 */
	public CompletionView of(String entity, String planId, String checkpoint) {
		Optional<Calendars.Interim> interim = calendars.interim(entity, planId, checkpoint);
		if (interim.isPresent()) {
			return interimBoard(entity, planId, interim.get());
		}
		PlanVersion plan = plans.resolve(entity, planId, checkpoint);
		ReportingCalendar calendar = calendars.find(plan.owner(), planId, checkpoint).orElse(null);
		LocalDate today = clock.today();
		return board(planId, plan, calendar, checkpoint, (o, i) -> i.target(checkpoint).isPresent(),
				calendar == null ? null : calendar.opensOn(), calendar == null ? null : calendar.closesOn(),
				phase(calendar, today), false);
	}

	/**
	 * An interim period's board: the indicators it lists, against the plan version in force at the checkpoint whose
	 * calendar sets it (and that calendar's offices), with the period's own window.
	 */
	private CompletionView interimBoard(String entity, String planId, Calendars.Interim interim) {
		PlanVersion plan = plans.resolve(entity, planId, interim.checkpoint());
		ReportingCalendar calendar = calendars.find(plan.owner(), planId, interim.checkpoint()).orElse(null);
		InterimPeriod period = interim.period();
		LocalDate today = clock.today();
		String phase = period.opensOn() != null && today.isBefore(period.opensOn()) ? "NOT_OPEN"
				: period.closesOn() != null && today.isAfter(period.closesOn()) ? "CLOSED" : "OPEN";
		return board(planId, plan, calendar, period.id(), (o, i) -> period.lists(o.code(), i.code()), period.opensOn(),
				period.closesOn(), phase, true);
	}

	private CompletionView board(String planId, PlanVersion plan, ReportingCalendar calendar, String checkpoint,
			BiPredicate<Objective, IndicatorDef> due, LocalDate opensOn, LocalDate closesOn, String phase,
			boolean interim) {
		Instant now = clock.now();
		LocalDate today = clock.today();
		Map<String, Instant> postedAt = new HashMap<>();
		Map<String, Integer> versions = new HashMap<>();
		for (RecordedResult r : results.latest(plan.owner(), planId, checkpoint)) {
			Instant first = firstRecorded(plan.owner(), r, now);
			if (first != null) {
				postedAt.put(key(r.objective(), r.indicator()), first);
				versions.put(key(r.objective(), r.indicator()), r.version());
			}
		}
		List<IndicatorCompletion> indicators = new ArrayList<>();
		plan.content().objectives().forEach(o -> o.indicators().stream()
				.filter(i -> due.test(o, i))
				.forEach(i -> {
					String key = key(o.code(), i.code());
					String office = calendar == null ? o.organisationalArea()
							: calendar.officeOf(o.code(), i.code(), o.organisationalArea());
					String user = calendar == null ? null : calendar.userOf(o.code(), i.code());
					indicators.add(new IndicatorCompletion(o.code(), i.code(), i.name(), o.manager(),
							o.organisationalArea(), office, user,
							Completion.of(postedAt.containsKey(key), today, closesOn), versions.get(key),
							postedAt.get(key)));
				}));
		return new CompletionView(planId, checkpoint, plan.version(), now, today, opensOn, closesOn, phase,
				counts(indicators), indicators, groups(indicators, IndicatorCompletion::office),
				groups(indicators, IndicatorCompletion::manager), interim);
	}

	/**
	 * When the result was first recorded, if at or before {@code now}. A first version says it itself; a corrected
	 * result (rare) has its history read for its first version.
	 */
	private Instant firstRecorded(String entity, RecordedResult latest, Instant now) {
		Instant first = latest.version() == 1 ? latest.recordedAt()
				: results.history(entity, latest.planId(), latest.objective(), latest.indicator(), latest.checkpoint())
						.flatMap(h -> h.stream().map(RecordedResult::recordedAt).filter(Objects::nonNull)
								.min(Instant::compareTo))
						.orElse(latest.recordedAt());
		return first == null || first.isAfter(now) ? null : first;
	}

	private static String phase(ReportingCalendar calendar, LocalDate today) {
		if (calendar == null) {
			return "NO_CALENDAR";
		}
		if (today.isBefore(calendar.opensOn())) {
			return "NOT_OPEN";
		}
		return today.isAfter(calendar.closesOn()) ? "CLOSED" : "OPEN";
	}

	private static Counts counts(List<IndicatorCompletion> indicators) {
		int posted = 0;
		int missing = 0;
		int late = 0;
		for (IndicatorCompletion i : indicators) {
			switch (i.status()) {
				case POSTED -> posted++;
				case MISSING -> missing++;
				case LATE -> late++;
			}
		}
		return new Counts(indicators.size(), posted, missing, late);
	}

	private static List<Group> groups(List<IndicatorCompletion> indicators,
			Function<IndicatorCompletion, String> by) {
		Map<String, List<IndicatorCompletion>> grouped = new TreeMap<>();
		indicators.forEach(i -> grouped.computeIfAbsent(Objects.requireNonNullElse(by.apply(i), "-"),
				k -> new ArrayList<>()).add(i));
		return grouped.entrySet().stream().map(e -> new Group(e.getKey(), counts(e.getValue()),
				e.getValue().stream().filter(i -> i.status().outstanding())
						.map(i -> i.objective() + "/" + i.indicator()).toList()))
				.toList();
	}

	private static String key(String objective, String indicator) {
		return objective + "|" + indicator;
	}
}
